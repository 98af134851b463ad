// The demo's fixed missions for the centre d'examen activities (issue 5, seed 003 §4.1, §4.2, §4.6):
// MISSIONS_CENTRE_DEMO in LGT LA PROMENADE, each showing one rule (EC and ECE open without targeting,
// COEC / PRECE limited to the gestionnaire's date, the EC oral refused until CYCLADES has assigned the
// candidates, HLP, SANTORIN qualités, numérisation without qualité, commissions, jurys, salles), with
// convocations by the gestionnaire and by the centre; and the missions of other académies held in
// LA PROMENADE (SIEC, an unreachable Versailles, the DGRH) for "Accès autres académies".
// Pure: persons are drawn from the generated ones by their own streams; rows use natural keys.
import { ajouterJours, jourSemaine } from '../../domain/imagin/dates.ts';
import { Alea } from './alea.ts';
import { ACADEMIE_DGRH, ACADEMIE_INJOIGNABLE, ACADEMIE_SIEC, MISSIONS_CENTRE_DEMO as N, PREFIXE_PROFESSEURS_HLP } from './donnees-centre.ts';
import { ANNEE_SESSION, UAI_LYCEE_RENNES } from './donnees.ts';
import type { ConvocationGeneree, CreneauGenere, MissionGeneree } from './missions.ts';

interface PersonneBase {
  cle: string;
  academie_code: string;
  discipline_poste: string;
}

interface BaseCentre {
  etablissements: ReadonlyArray<{ uai: string; type: string }>;
  personnes: readonly PersonneBase[];
  affectations: ReadonlyArray<{ personne: string; uai: string; principal: boolean }>;
}

/** Sessions of the next year (N+1), so that "années N et N+1" shows missions of both years. */
export function sessionsSuivantes(): Array<{ examen_code: string; code: string; libelle: string; annee: number }> {
  const annee = ANNEE_SESSION + 1;
  return [
    { examen_code: '470', code: `${annee}-06`, libelle: `BGT ${annee}`, annee },
    { examen_code: '47A', code: `${annee}-06`, libelle: `EA ${annee}`, annee },
  ];
}

const A = ANNEE_SESSION;
const LOGIN_CENTRE = `ce.${UAI_LYCEE_RENNES.toLowerCase()}`;
const LOGIN_GESTIONNAIRE = 'dec.rennes';

/** Disciplines de poste of staff who do not teach: never convoked to correct or interrogate. */
const SANS_ENSEIGNEMENT = new Set(['EDUCATION (CE, CRE)', 'DOCUMENTATION', 'DIRECTION ADJOINT AU CHEF ETABLISSEMENT', 'SANS DISCIPLINE', 'GESTION MATERIELLE', 'ADMINISTRATION ET GESTION']);

/** Consecutive weekdays from `debut` (moved to the next weekday when it falls on a week-end). */
function joursOuvres(debut: string, n: number): string[] {
  const ouvre = (j: string) => {
    while (jourSemaine(j) === 'samedi' || jourSemaine(j) === 'dimanche') j = ajouterJours(j, 1);
    return j;
  };
  const res: string[] = [];
  for (let j = ouvre(debut); res.length < n; j = ouvre(ajouterJours(j, 1))) res.push(j);
  return res;
}

const creneaux = (jours: readonly string[], heure_debut: string, heure_fin: string): CreneauGenere[] => jours.map((jour) => ({ jour, heure_debut, heure_fin }));

function mission(m: Pick<MissionGeneree, 'numero' | 'session' | 'type_mission' | 'signataire' | 'dates'> & Partial<MissionGeneree>): MissionGeneree {
  return {
    academie_code: '14',
    specialite: null,
    epreuve: null,
    centre: UAI_LYCEE_RENNES,
    lieu: null,
    observation_defaut: '',
    ciblee_etablissement: false,
    commissions: [],
    jurys: [],
    salles: [],
    ...m,
  };
}

/**
 * Picks persons for the fixed missions: those matching `prefere` first, each person once over all the
 * fixed missions while there are enough (then again, but never twice on one mission).
 */
class Selection {
  readonly #utilises = new Set<string>();

  pick(flux: string, candidats: readonly PersonneBase[], n: number, dejaSurMission: ReadonlySet<string>, prefere: (p: PersonneBase) => boolean = () => true): PersonneBase[] {
    const alea = new Alea(`14/centre-examen/${flux}`);
    const melange = [...candidats];
    for (let i = melange.length - 1; i > 0; i--) {
      const j = alea.entier(i + 1);
      [melange[i], melange[j]] = [melange[j]!, melange[i]!];
    }
    const rang = (p: PersonneBase) => (this.#utilises.has(p.cle) ? 2 : 0) + (prefere(p) ? 0 : 1);
    const ordonnes = melange.map((p, i) => ({ p, i })).sort((a, b) => rang(a.p) - rang(b.p) || a.i - b.i);
    const res: PersonneBase[] = [];
    for (const { p } of ordonnes) {
      if (res.length >= n) break;
      if (dejaSurMission.has(p.cle)) continue;
      res.push(p);
      this.#utilises.add(p.cle);
    }
    return res;
  }

  reserver(cle: string): void {
    this.#utilises.add(cle);
  }
}

export function genererMissionsCentre(base: BaseCentre): { missions: MissionGeneree[]; convocations: ConvocationGeneree[] } {
  const principal = new Map(base.affectations.filter((a) => a.principal).map((a) => [a.personne, a.uai]));
  const enseignants = base.personnes.filter((p) => p.academie_code === '14' && principal.has(p.cle) && !SANS_ENSEIGNEMENT.has(p.discipline_poste));
  // The HLP teachers stay free: the demo convokes them on the HLP COEC mission.
  const locaux = enseignants.filter((p) => principal.get(p.cle) === UAI_LYCEE_RENNES && !p.cle.startsWith(PREFIXE_PROFESSEURS_HLP));
  // Teachers of the other lycées (general and technological): the BCG's correctors and jurys.
  const typeEtab = new Map(base.etablissements.map((e) => [e.uai, e.type]));
  const autres = enseignants.filter((p) => principal.get(p.cle) !== UAI_LYCEE_RENNES && ['LGT', 'LPO'].includes(typeEtab.get(principal.get(p.cle)!) ?? ''));
  const personnels = base.personnes.filter((p) => principal.get(p.cle) === UAI_LYCEE_RENNES && !p.cle.startsWith(PREFIXE_PROFESSEURS_HLP));
  const discipline = (...libelles: string[]) => (p: PersonneBase) => libelles.includes(p.discipline_poste);

  const missions: MissionGeneree[] = [];
  const convocations: ConvocationGeneree[] = [];
  const selection = new Selection();
  const martin = base.personnes.find((p) => p.cle === 'demo/martin');
  if (martin) selection.reserver(martin.cle);

  const ACCUEIL = "Veuillez s'il vous plaît, vous présenter à l'accueil à votre arrivée.";
  const SANTORIN = 'Correction dématérialisée sur SANTORIN : les copies numérisées sont accessibles dès 8 h le premier jour.';

  /** Convocations to a mission; `par` says who made them. */
  const convoquer = (
    m: MissionGeneree,
    personnes: readonly PersonneBase[],
    par: 'gestionnaire' | 'centre',
    details: (k: number) => Partial<ConvocationGeneree> = () => ({}),
  ) => {
    const premier = m.dates[0]!.jour;
    personnes.forEach((p, k) => {
      const d = details(k);
      const statut = d.statut ?? 'convoquee';
      // Made (and printed) three weeks before the mission; those of next year, a week before "today".
      const editee = premier.startsWith(String(A + 1)) ? `${A}-11-16T10:00:00.000Z` : `${ajouterJours(premier, -21 - k)}T10:00:00.000Z`;
      convocations.push({
        academie_code: m.academie_code,
        numero: m.numero,
        personne: p.cle,
        qualite: null,
        commission: null,
        jury: null,
        salle: null,
        code_salle: null,
        // The centre's form is prefilled with the mission's default text.
        observation: par === 'centre' ? m.observation_defaut : '',
        statut,
        origine: par,
        createur: par === 'centre' ? m.centre : null,
        dates_specifiques: false,
        editee_le: statut === 'convoquee' ? editee : null,
        dates: [],
        modifiee_par: par === 'centre' ? LOGIN_CENTRE : m.academie_code === '14' ? LOGIN_GESTIONNAIRE : null,
        ...d,
      });
    });
  };
  const sur = (numero: number, academie = '14') => new Set(convocations.filter((c) => c.numero === numero && c.academie_code === academie).map((c) => c.personne));

  // --- Évaluations communes (EA session), open to the centre without targeting ------------------

  missions.push(
    mission({
      numero: N.coecHlp,
      session: `47A/${A}-06`,
      specialite: '47A/BCG',
      epreuve: '47A/BCG/C009',
      type_mission: 'COEC',
      signataire: 'chef_etablissement',
      dates: creneaux(joursOuvres(`${A}-05-18`, 3), '08:00', '17:00'),
      date_limitee: joursOuvres(`${A}-05-18`, 2)[1]!,
      observation_defaut: SANTORIN,
    }),
  );

  const correctionEc = mission({
    numero: N.correctionEc,
    session: `47A/${A}-06`,
    specialite: '47A/BCG',
    epreuve: '47A/BCG/C010',
    type_mission: 'CEC',
    signataire: 'chef_etablissement',
    dates: creneaux(joursOuvres(`${A}-05-26`, 3), '08:00', '17:00'),
    observation_defaut: SANTORIN,
  });
  missions.push(correctionEc);
  {
    const maths = [...(martin ? [martin] : []), ...selection.pick('cec', locaux, martin ? 2 : 3, new Set(martin ? [martin.cle] : []), discipline('MATHEMATIQUES'))];
    const qualites = ['Correcteur Santorin', 'Correcteur suppléant (SANTORIN)', 'Référent correcteur'];
    convoquer(correctionEc, maths, 'centre', (k) => ({
      qualite: qualites[k % qualites.length]!,
      // The suppléant only on the first morning: dates of his own.
      ...(k === 1 ? { dates_specifiques: true, dates: [{ ...correctionEc.dates[0]!, heure_fin: '12:00' }] } : {}),
    }));
  }

  const numerisation = mission({
    numero: N.numerisation,
    session: `47A/${A}-06`,
    specialite: '47A/BCG',
    epreuve: '47A/BCG/C010',
    type_mission: 'NUMCOP',
    signataire: 'chef_etablissement',
    dates: creneaux(joursOuvres(`${A}-05-21`, 2), '08:00', '12:00'),
    observation_defaut: 'Numérisation des copies en salle informatique B12 ; les lots sont remis par le secrétariat d’examen.',
  });
  missions.push(numerisation);
  convoquer(numerisation, selection.pick('numerisation', personnels, 1, sur(N.numerisation), (p) => SANS_ENSEIGNEMENT.has(p.discipline_poste)), 'centre');

  missions.push(
    mission({
      numero: N.oralEcNonAffecte,
      session: `47A/${A}-06`,
      specialite: '47A/BCG',
      epreuve: '47A/BCG/C002B',
      type_mission: 'INTORA',
      signataire: 'chef_centre',
      // Targeted, so that the centre may pick it, and then hear that CYCLADES has not assigned the candidates.
      ciblee_etablissement: true,
      candidats_affectes: false,
      dates: creneaux(joursOuvres(`${A}-06-08`, 2), '08:00', '18:00'),
      observation_defaut: ACCUEIL,
    }),
  );

  const prece = mission({
    numero: N.prece,
    session: `47A/${A}-06`,
    specialite: '47A/BCG',
    epreuve: '47A/BCG/C012',
    type_mission: 'PRECE',
    signataire: 'chef_etablissement',
    dates: creneaux(joursOuvres(`${A}-06-01`, 3), '08:00', '12:00'),
    date_limitee: joursOuvres(`${A}-06-01`, 2)[1]!,
    observation_defaut: 'Évaluation des compétences expérimentales : blouse obligatoire, accueil au laboratoire de physique-chimie.',
  });
  missions.push(prece);
  convoquer(prece, selection.pick('prece', locaux, 1, sur(N.prece), discipline('SCIENCES PHYSIQUES ET CHIMIQUES', 'SCIENCES DE LA VIE ET DE LA TERRE')), 'centre', () => ({
    dates_specifiques: true,
    dates: prece.dates.filter((d) => d.jour === prece.date_limitee),
  }));

  // --- Targeted missions of the BCG session --------------------------------------------------------

  const correctionJours = joursOuvres(`${A}-06-16`, 4);
  const correctionCiblee = mission({
    numero: N.correctionCiblee,
    session: `470/${A}-06`,
    specialite: '470/BCG',
    epreuve: '470/BCG/1-T003-1',
    type_mission: 'CORCOP',
    signataire: 'chef_centre',
    ciblee_etablissement: true,
    dates: creneaux(correctionJours, '09:00', '17:00'),
    commissions: [{ code: 'COM1', nb_candidats: 120, dates: creneaux(correctionJours, '09:00', '17:00') }],
    observation_defaut: 'Les copies sont à retirer au centre le premier jour de la mission, à partir de 8 h.',
  });
  missions.push(correctionCiblee);
  convoquer(correctionCiblee, selection.pick('correction/gestionnaire', autres, 2, sur(N.correctionCiblee), discipline('PHILOSOPHIE')), 'gestionnaire', () => ({
    qualite: 'Correcteur',
    commission: 'COM1',
  }));

  const oralJours = joursOuvres(`${A}-06-22`, 5);
  const oralCible = mission({
    numero: N.oralCible,
    session: `470/${A}-06`,
    specialite: '470/BCG',
    epreuve: '470/BCG/1-T004-1',
    type_mission: 'INTORA',
    signataire: 'chef_centre',
    ciblee_etablissement: true,
    candidats_affectes: true,
    dates: creneaux(oralJours, '08:00', '18:00'),
    commissions: [
      { code: 'COM1', nb_candidats: 24, dates: creneaux(oralJours.slice(0, 2), '08:00', '18:00') },
      { code: 'COM2', nb_candidats: 18, dates: creneaux(oralJours.slice(2, 4), '08:00', '18:00') },
    ],
    salles: [
      { code: 'S101', libelle: 'Salle 101', nb_candidats: 12 },
      { code: 'S102', libelle: 'Salle 102', nb_candidats: 12 },
    ],
    observation_defaut: ACCUEIL,
  });
  missions.push(oralCible);
  convoquer(oralCible, selection.pick('oral/gestionnaire', autres, 5, sur(N.oralCible)), 'gestionnaire', (k) => ({
    qualite: 'Interrogateur',
    commission: k % 2 ? 'COM2' : 'COM1',
    salle: k % 2 ? 'S102' : 'S101',
    // The last one affected but not convoked yet.
    ...(k === 4 ? { statut: 'affectee' as const } : {}),
  }));
  convoquer(oralCible, selection.pick('oral/centre', locaux, 3, sur(N.oralCible)), 'centre', (k) =>
    k === 0
      ? // Only the first morning of COM1: dates of its own.
        { qualite: 'Interrogateur', commission: 'COM1', salle: 'S101', code_salle: 'B204', dates_specifiques: true, dates: [{ jour: oralJours[0]!, heure_debut: '08:00', heure_fin: '12:00' }] }
      : k === 1
        ? { qualite: 'Interrogateur', commission: 'COM2', salle: 'S102' }
        : // Changed by the gestionnaire afterwards: it leaves the centre's hands.
          {
            qualite: 'Interrogateur',
            commission: 'COM2',
            salle: 'S101',
            observation: 'Modifiée par le service des examens : merci de vous présenter à 7 h 45 en salle 101.',
            modifiee_par_gestionnaire: true,
            modifiee_par: LOGIN_GESTIONNAIRE,
          },
  );

  const juryCible = mission({
    numero: N.juryCible,
    session: `470/${A}-06`,
    specialite: '470/BCG',
    type_mission: 'JURY',
    signataire: 'gestionnaire',
    ciblee_etablissement: true,
    dates: creneaux(joursOuvres(`${A}-07-03`, 1), '09:00', '17:00'),
    jurys: [
      { code: 'J01', libelle: 'Jury n° 1' },
      { code: 'J02', libelle: 'Jury n° 2' },
    ],
    observation_defaut: 'Délibération en salle du conseil ; les relevés de notes sont remis par le chef de centre.',
  });
  missions.push(juryCible);
  convoquer(juryCible, selection.pick('jury/gestionnaire', autres, 3, sur(N.juryCible)), 'gestionnaire', (k) => ({
    qualite: k === 0 ? 'Président de jury' : 'Vice-président',
    jury: k === 2 ? 'J02' : 'J01',
  }));
  convoquer(juryCible, selection.pick('jury/centre', locaux, 2, sur(N.juryCible)), 'centre', (k) => ({ jury: k === 0 ? 'J01' : 'J02' }));

  const correctionNonCiblee = mission({
    numero: N.correctionNonCiblee,
    session: `470/${A}-06`,
    specialite: '470/BCG',
    epreuve: '470/BCG/C010',
    type_mission: 'CORCOP',
    signataire: 'gestionnaire',
    ciblee_etablissement: false,
    dates: creneaux(joursOuvres(`${A}-06-22`, 3), '08:00', '12:00'),
  });
  missions.push(correctionNonCiblee);
  convoquer(
    correctionNonCiblee,
    [
      ...selection.pick('non-ciblee/local', locaux, 1, sur(N.correctionNonCiblee), discipline('MATHEMATIQUES')),
      ...selection.pick('non-ciblee/autres', autres, 2, sur(N.correctionNonCiblee), discipline('MATHEMATIQUES')),
    ],
    'gestionnaire',
    () => ({ qualite: 'Correcteur' }),
  );

  // --- Next year's session (N+1) ------------------------------------------------------------------

  const oral2027Jours = joursOuvres(`${A + 1}-06-21`, 5);
  const oral2027 = mission({
    numero: N.oral2027,
    session: `470/${A + 1}-06`,
    specialite: '470/BCG',
    epreuve: '470/BCG/1-T004-1',
    type_mission: 'INTORA',
    signataire: 'chef_centre',
    ciblee_etablissement: true,
    dates: creneaux(oral2027Jours, '08:00', '18:00'),
    commissions: [
      { code: 'COM1', nb_candidats: 20, dates: creneaux(oral2027Jours.slice(0, 2), '08:00', '18:00') },
      { code: 'COM2', nb_candidats: 22, dates: creneaux(oral2027Jours.slice(2, 4), '08:00', '18:00') },
    ],
    observation_defaut: ACCUEIL,
  });
  missions.push(oral2027);
  convoquer(oral2027, selection.pick('oral-2027/gestionnaire', autres, 2, sur(N.oral2027)), 'gestionnaire', (k) => ({
    qualite: 'Interrogateur',
    commission: k ? 'COM2' : 'COM1',
  }));

  missions.push(
    mission({
      numero: N.correction2027,
      session: `470/${A + 1}-06`,
      specialite: '470/BCG',
      epreuve: '470/BCG/1-T003-1',
      type_mission: 'CORCOP',
      signataire: 'chef_etablissement',
      ciblee_etablissement: true,
      dates: creneaux(joursOuvres(`${A + 1}-06-15`, 3), '09:00', '17:00'),
      observation_defaut: 'Les copies sont à retirer au centre le premier jour de la mission, à partir de 8 h.',
    }),
  );

  // --- Other académies' missions held in LA PROMENADE (Accès autres académies) -------------------

  const siec = mission({
    academie_code: ACADEMIE_SIEC,
    numero: N.siec,
    session: `470/${A}-06`,
    specialite: '470/BCG',
    epreuve: '470/BCG/1-T003-1',
    type_mission: 'CORCOP',
    signataire: 'gestionnaire',
    ciblee_etablissement: true,
    dates: creneaux(joursOuvres(`${A}-06-29`, 2), '09:00', '17:00'),
    observation_defaut: 'Copies du SIEC : remise des lots au secrétariat du centre, restitution le dernier jour avant 16 h.',
  });
  missions.push(siec);
  // Convoked by the SIEC's gestionnaire: each gets an indisponibilité "CONVOCATION PAR IMAGIN SIEC" in Rennes.
  convoquer(siec, selection.pick('siec', locaux, 3, sur(N.siec, ACADEMIE_SIEC), discipline('PHILOSOPHIE', 'LETTRES MODERNES')), 'gestionnaire', () => ({ qualite: 'Correcteur' }));

  missions.push(
    mission({
      academie_code: ACADEMIE_INJOIGNABLE,
      numero: N.injoignable,
      session: `470/${A}-06`,
      specialite: '470/BCG',
      epreuve: '470/BCG/1-T004-1',
      type_mission: 'INTORA',
      signataire: 'gestionnaire',
      ciblee_etablissement: true,
      dates: creneaux(joursOuvres(`${A}-06-24`, 2), '08:00', '18:00'),
    }),
    mission({
      academie_code: ACADEMIE_DGRH,
      numero: N.dgrh,
      session: `470/${A}-06`,
      type_mission: 'SURV',
      signataire: 'gestionnaire',
      ciblee_etablissement: true,
      dates: creneaux(joursOuvres(`${A}-06-15`, 1), '08:00', '12:00'),
    }),
  );

  return { missions, convocations };
}
