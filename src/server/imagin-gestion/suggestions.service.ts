// « Proposer des intervenants » on a mission (issue 17 §4): loads in SQL, scores in the domain
// (src/domain/imagin/suggestions.ts). The gestionnaire then convokes with the existing
// POST /api/gestion/missions/:id/convocations (convocations.service.ts): nothing is written here.
import type { Marque, TypeAuteur } from '../../domain/imagin/competences.ts';
import { proposer, type CandidatSuggestion, type Suggestion } from '../../domain/imagin/suggestions.ts';
import type { Periode } from '../../domain/imagin/periodes.ts';
import type { AppContext } from '../platform/context.ts';
import type { Actor } from '../platform/policy.ts';
import { academieGeree, missionDeLAcademie } from './commun.ts';
import { chargerCandidats, chargerEtablissements, chargerMarques, chargerMissionSuggestion, chargerOccupations, chargerParEtablissement, coordonneesDe } from './suggestions.repo.ts';

export interface Propositions {
  mission: { id: number; numero: number; epreuve: string | null; centreConnu: boolean; dates: number };
  /** Why the list may be empty or partial, in French; null when nothing to say. */
  message: string | null;
  suggestions: Suggestion[];
}

const hms = (h: string) => h.slice(0, 5);

export async function proposerIntervenants(ctx: AppContext, actor: Actor, missionId: number, limite = 50): Promise<Propositions> {
  const ac = academieGeree(actor);
  const m = await missionDeLAcademie(ctx.db, ac, missionId);
  const { dates, centre } = await chargerMissionSuggestion(ctx.db, m.id);
  const entete = {
    id: m.id,
    numero: m.numero,
    epreuve: m.epreuve_code ? `${m.epreuve_code} — ${m.epreuve_libelle}` : null,
    centreConnu: centre !== null,
    dates: dates.length,
  };
  if (dates.length === 0) {
    return { mission: entete, message: 'Ajoutez les dates de la mission : sans elles, la disponibilité des intervenants ne peut être vérifiée.', suggestions: [] };
  }
  const du = dates[0]!.jour;
  const au = dates.reduce((max, d) => (d.jour > max ? d.jour : max), du);
  const [candidats, etablissements, marques, occupations, parEtab] = await Promise.all([
    chargerCandidats(ctx.db, ac, m.session_examen_id, m.id),
    chargerEtablissements(ctx.db, ac),
    m.epreuve_option_id === null ? Promise.resolve([]) : chargerMarques(ctx.db, ac, m.epreuve_option_id),
    chargerOccupations(ctx.db, ac, m.id, du, au),
    chargerParEtablissement(ctx.db, m.session_examen_id, m.id),
  ]);

  const marquesPar = new Map<number, Marque[]>();
  for (const k of marques) {
    let l = marquesPar.get(k.personne_id);
    if (!l) marquesPar.set(k.personne_id, (l = []));
    l.push({ type: k.type_auteur as TypeAuteur, code: k.auteur, nature: k.nature });
  }
  const occupe = new Map<number, Periode[]>();
  const ajouter = (id: number, p: Periode) => {
    let l = occupe.get(id);
    if (!l) occupe.set(id, (l = []));
    l.push(p);
  };
  for (const i of occupations.indisponibilites) ajouter(i.personne_id, { debut: { date: i.date_debut, heure: hms(i.heure_debut) }, fin: { date: i.date_fin, heure: hms(i.heure_fin) } });
  for (const c of occupations.convocations) ajouter(c.personne_id, { debut: { date: c.jour, heure: hms(c.heure_debut) }, fin: { date: c.jour, heure: hms(c.heure_fin) } });

  const coordCentre = centre ? coordonneesDe(centre.commune, centre.codePostal) : null;
  // Label and coordinates once per établissement, not per person.
  const etabs = new Map(
    etablissements.map((e) => [
      e.id,
      {
        libelle: e.nom ? `${e.type ?? ''} ${e.nom} ${e.commune ?? ''} (${e.uai})`.replace(/\s+/g, ' ').trim() : null,
        coordonnees: coordonneesDe(e.commune, e.code_postal),
      },
    ]),
  );

  const liste: CandidatSuggestion[] = candidats.map((p) => {
    const etab = p.etablissement_id === null ? undefined : etabs.get(p.etablissement_id);
    return {
      personneId: p.id,
      civilite: p.civilite,
      nom: p.nom,
      prenom: p.prenom,
      disciplinePoste: p.discipline_poste,
      etablissementId: p.etablissement_id,
      etablissementLibelle: etab?.libelle ?? null,
      coordonnees: etab?.coordonnees ?? null,
      marques: marquesPar.get(p.id) ?? [],
      occupations: occupe.get(p.id) ?? [],
      convocationsSession: p.convocations_session,
      dejaSurMission: p.deja_sur_mission,
    };
  });
  const suggestions = proposer(
    liste,
    {
      dates: dates.map((d) => ({ jour: d.jour, heureDebut: hms(d.heure_debut), heureFin: hms(d.heure_fin) })),
      centre: coordCentre,
      parEtablissementMission: new Map(parEtab.map((e) => [e.etablissement_id, e.sur_mission])),
      parEtablissementSession: new Map(parEtab.map((e) => [e.etablissement_id, e.sur_session])),
    },
    limite,
  );
  const message = suggestions.length === 0 ? 'Aucun intervenant disponible sur les dates de la mission.' : coordCentre === null ? 'La commune du centre est inconnue : la distance n’est pas prise en compte.' : null;
  return { mission: entete, message, suggestions };
}
