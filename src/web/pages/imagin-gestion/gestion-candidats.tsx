// « Gestion des candidats en établissement » (gestionnaire DEC, issue 6, seed 002 §1.1): the académie's
// établissements with their « service de gestion des candidats en établissement » — the prerequisite
// of the CYCLADES accounts of their pupils — and their candidatures of the current sessions. The
// gestionnaire ticks one or several rows and positions or removes the service.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/actions.ts';
import { consoleMessages } from '../../app/console.ts';
import { LECTURES, lecture } from '../../app/requetes.ts';
import { Liste, useFiltres, type Colonne } from '../../liste/Liste.tsx';
import { useConfirmation } from '../../shell/Confirmation.tsx';

interface Etablissement {
  id: number;
  uai: string;
  type: string;
  nom: string;
  commune: string;
  serviceGestionCandidats: boolean;
  nbCandidatures: number;
}

interface Reponse {
  anneeSession: number;
  total: number;
  avecService: number;
  types: string[];
  lignes: Etablissement[];
}

const nomComplet = (e: Etablissement) => `${e.type} ${e.nom} (${e.uai})`;

function Choix({ id, label, valeur, options, surChangement }: { id: string; label: string; valeur: string; options: Array<[string, string]>; surChangement: (v: string) => void }) {
  return (
    <div className="fr-select-group">
      <label className="fr-label" htmlFor={id}>
        {label}
      </label>
      <select className="fr-select" id={id} name={id} value={valeur} onChange={(e) => surChangement(e.target.value)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function GestionCandidats() {
  const confirmation = useConfirmation();
  const client = useQueryClient();
  const q = useQuery(lecture<Reponse>(LECTURES.gestionCandidats));
  const f = useFiltres('etablissements', { service: '', type: '' });
  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set());

  const lignes = useMemo(
    () =>
      q.data?.lignes.filter(
        (e) => (!f.appliques.service || String(e.serviceGestionCandidats) === f.appliques.service) && (!f.appliques.type || e.type === f.appliques.type),
      ),
    [q.data, f.appliques.service, f.appliques.type],
  );

  const cocher = (id: number, coche: boolean) =>
    setSelection((s) => {
      const n = new Set(s);
      if (coche) n.add(id);
      else n.delete(id);
      return n;
    });

  const positionner = useAction(
    async (ids: number[], service: boolean) => {
      const r = await api.post<{ message: string; modifies: number }>('/api/gestion/gestion-candidats/positionnement', { etablissementIds: ids, service });
      setSelection(new Set());
      await client.invalidateQueries({ queryKey: LECTURES.gestionCandidats.cle });
      return r;
    },
    { succes: (r) => r.message },
  );

  const lancer = (affichees: Etablissement[], service: boolean) => {
    const choisis = affichees.filter((e) => selection.has(e.id));
    if (choisis.length === 0) {
      consoleMessages.erreur('Cochez d’abord, dans la liste, le ou les établissements concernés.');
      return;
    }
    const ids = choisis.map((e) => e.id);
    if (!service) {
      const qui = choisis.length === 1 ? nomComplet(choisis[0]!) : `ces ${choisis.length} établissements`;
      confirmation.demander({
        titre: 'Retirer le service de gestion des candidats',
        message: `Retirer le service de gestion des candidats en établissement à ${qui} ? Ils ne pourront plus générer les comptes CYCLADES de leurs élèves.`,
        bouton: 'Retirer le service',
        surConfirmation: () => void positionner.executer(ids, false),
      });
      return;
    }
    void positionner.executer(ids, service);
  };

  const colonnes = useMemo<Colonne<Etablissement>[]>(
    () => [
      {
        id: 'selection',
        libelle: 'Sélection',
        valeur: () => '',
        triable: false,
        exportable: false,
        rendu: (e) => (
          <div className="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id={`etab-${e.id}`} name="etablissements" value={e.id} checked={selection.has(e.id)} onChange={(ev) => cocher(e.id, ev.target.checked)} />
            <label className="fr-label" htmlFor={`etab-${e.id}`}>
              <span className="fr-sr-only">Sélectionner {nomComplet(e)}</span>
            </label>
          </div>
        ),
      },
      { id: 'uai', libelle: 'UAI', valeur: (e) => e.uai },
      { id: 'type', libelle: 'Type', valeur: (e) => e.type },
      { id: 'nom', libelle: 'Nom', valeur: (e) => e.nom, poids: 3 },
      { id: 'commune', libelle: 'Commune', valeur: (e) => e.commune, poids: 2 },
      {
        id: 'service',
        libelle: 'Service de gestion des candidats',
        valeur: (e) => (e.serviceGestionCandidats ? 'Oui' : 'Non'),
        rendu: (e) => <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${e.serviceGestionCandidats ? 'fr-badge--success' : ''}`}>{e.serviceGestionCandidats ? 'Oui' : 'Non'}</span>,
        poids: 2,
      },
      { id: 'candidatures', libelle: 'Candidatures', valeur: (e) => e.nbCandidatures, type: 'nombre', alignement: 'droite' },
    ],
    [selection],
  );

  return (
    <>
      {q.data && (
        <p className="fr-text--sm" id="synthese-service">
          {q.data.avecService} établissement{q.data.avecService > 1 ? 's' : ''} sur {q.data.total} dispose{q.data.avecService > 1 ? 'nt' : ''} du service de gestion des candidats en établissement : seuls
          ceux-ci génèrent les comptes CYCLADES de leurs élèves. Candidatures comptées : sessions {q.data.anneeSession} et suivantes.
        </p>
      )}
      <Liste
        id="etablissements"
        titre="Établissements de l’académie"
        lignes={lignes}
        colonnes={colonnes}
        cle={(e) => e.id}
        triParDefaut={{ colonne: 'nom', sens: 'asc' }}
        chargement={q.isPending}
        erreur={q.error}
        surReessayer={() => void q.refetch()}
        messageVide="Aucun établissement ne correspond aux filtres."
        filtres={{
          ...f.proprietes,
          contenu: (
            <>
              <Choix
                id="filtre-service"
                label="Service de gestion des candidats"
                valeur={f.saisie.service}
                options={[
                  ['', 'Tous'],
                  ['true', 'Oui'],
                  ['false', 'Non'],
                ]}
                surChangement={(v) => f.modifier('service', v)}
              />
              <Choix
                id="filtre-type"
                label="Type d’établissement"
                valeur={f.saisie.type}
                options={[['', 'Tous'], ...(q.data?.types ?? []).map((t): [string, string] => [t, t])]}
                surChangement={(v) => f.modifier('type', v)}
              />
            </>
          ),
        }}
        actions={(affichees) => {
          const n = affichees.filter((e) => selection.has(e.id)).length;
          return (
            <div role="group" aria-labelledby="titre-positionnement">
              <p className="fr-text--sm fr-mb-1w" id="titre-positionnement">
                Service de gestion des candidats en établissement : {n} établissement{n > 1 ? 's' : ''} sélectionné{n > 1 ? 's' : ''}
              </p>
              <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
                <li>
                  <button type="button" className="fr-btn fr-icon-check-line" onClick={() => lancer(affichees, true)} disabled={positionner.enCours}>
                    Positionner le service
                  </button>
                </li>
                <li>
                  <button type="button" className="fr-btn fr-btn--secondary fr-icon-close-line" onClick={() => lancer(affichees, false)} disabled={positionner.enCours}>
                    Retirer le service
                  </button>
                </li>
                <li>
                  <button type="button" className="fr-btn fr-btn--tertiary fr-icon-checkbox-line" onClick={() => setSelection(new Set(affichees.map((e) => e.id)))}>
                    Tout sélectionner ({affichees.length})
                  </button>
                </li>
                <li>
                  <button type="button" className="fr-btn fr-btn--tertiary fr-icon-close-circle-line" onClick={() => setSelection(new Set())} disabled={selection.size === 0}>
                    Vider la sélection
                  </button>
                </li>
              </ul>
            </div>
          );
        }}
      />
      {confirmation.dialogue}
    </>
  );
}
