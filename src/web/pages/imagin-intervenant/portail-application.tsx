// « Gestion des épreuves EPS » (seed 004 §2.7), « Gestion des sujets » and « Statistiques nationales
// de notation » (§2.10): what the activity gives access to, and the button that opens the application
// in a new tab with a hand-off token (passage.ts). The menu offers them only to those entitled; the
// server refuses the others (403 with the reason).
import { useActivite } from '../../app/activite.tsx';
import { usePassage } from './passage.ts';

const PORTAILS: Record<string, { chemin: string; application: string; texte: string; bouton: string }> = {
  'gestion-epreuves-eps': {
    chemin: '/api/intervenant/portails/eps/acces',
    application: 'CYCLADES (gestion des épreuves EPS)',
    texte:
      "Cette activité permet aux enseignants d'éducation physique et sportive qui enseignent en BGT, BCP ou CAP d'accéder à l'application CYCLADES pour y gérer les épreuves EPS.",
    bouton: 'Accéder à CYCLADES (épreuves EPS)',
  },
  'gestion-sujets': {
    chemin: '/api/intervenant/portails/sujets/acces',
    application: 'DELOS (banque nationale de sujets)',
    texte:
      "Cette activité permet aux inspecteurs généraux et aux intervenants habilités (discipline de poste IMSUJ) d'accéder au module BNS (banque nationale de sujets) de l'application DELOS.",
    bouton: 'Accéder à DELOS (BNS)',
  },
  'statistiques-notation': {
    chemin: '/api/intervenant/portails/statistiques/acces',
    application: 'SANTORIN (statistiques nationales de notation)',
    texte:
      "Cette activité permet aux inspecteurs généraux et aux intervenants habilités (discipline de poste IMSTA) d'accéder au module de statistiques nationales de notation de l'application SANTORIN.",
    bouton: 'Accéder aux statistiques de SANTORIN',
  },
};

export default function PortailApplication() {
  const a = useActivite();
  const p = PORTAILS[a.code];
  const passage = usePassage();
  if (!p) return null;
  return (
    <section className="fr-mb-4w">
      <p>{p.texte}</p>
      <p className="fr-text--sm">
        L'application s'ouvre dans un nouvel onglet, où vous êtes reconnu(e) sans nouvelle identification. Si elle n'est pas disponible,
        un message s'affiche dans la console : prenez alors contact avec votre gestionnaire.
      </p>
      <button
        type="button"
        className="fr-btn fr-icon-external-link-line fr-btn--icon-right"
        onClick={() => void passage.executer(p.chemin, p.application)}
        disabled={passage.enCours}
        title={`${p.bouton} — nouvel onglet`}
      >
        {p.bouton}
      </button>
    </section>
  );
}
