// États de frais (issue 16, seed 004 §2.4, decision 0027): the intervenant's claim, the gestionnaire's
// processing and the liquidation.
// - etat_frais (migration 005) gets its académie and person, a version (409 on a stale page), what the
//   intervenant entered (rémunération figures in jsonb, déplacement lines in their table), the numéro
//   d'ordre given at validation, the gestionnaire's decisions and the payment.
//   The stored `statut` is the workflow state: 'non_valide' (nothing validated yet), 'mission_non_effectuee'
//   (declared by the intervenant), 'valide', 'valide_gestionnaire', 'traite_gestionnaire' (in a
//   liquidation batch), 'annule'. The two statuses the users read (rémunération, déplacement: « Mission
//   en cours », « Invalidable »…) are computed from it, the dates and the mission (src/domain/imagin/frais).
// - An état de frais exists for every convocation « convoquee »: a trigger creates it, so no path that
//   convokes (centre, gestionnaire, import) can forget it.
// - Rates are dated tables (the rate in force on the mission's date applies), seeded with the arrêtés.
// - liquidation_ligne's primary key (etat_frais_id, nature) is what makes a frais go into one batch, ever.
import type { Kysely } from 'kysely';
import { runScript } from '../src/server/platform/db/script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table frais_parametres (
  academie_code text primary key references academie(code),
  conditions_texte text not null,
  conditions_version integer not null default 1,
  conditions_modifie_le timestamptz,
  conditions_modifie_par integer references compte(id),
  pieces_dematerialisees boolean not null default false,
  relance_intervalle_jours integer not null default 7 check (relance_intervalle_jours between 1 and 90),
  version integer not null default 1
);

create table frais_conditions_acceptation (
  personne_id integer not null references personne(id),
  academie_code text not null references academie(code),
  version integer not null,
  accepte_le timestamptz not null,
  primary key (personne_id, academie_code, version)
);

-- Convocations issued by the ministry (header MINISTERE DE L'EDUCATION NATIONALE): the président de
-- jury enters the figures, the intervenant's Rémunération tab is read-only.
alter table mission add column emise_par_ministere boolean not null default false;
-- The rate of each épreuve-option (arrêté du 13 avril 2012, taux 1 to 5) is data; null: by the exam.
alter table epreuve_option add column taux_remuneration integer check (taux_remuneration between 1 and 5);

alter table etat_frais
  alter column statut set default 'non_valide',
  add column academie_code text references academie(code),
  add column personne_id integer references personne(id),
  add column version integer not null default 1,
  add column modifie_par integer references compte(id),
  add column saisie_commencee_le timestamptz,
  add column remuneration jsonb,
  add column pieces_par_courrier boolean not null default false,
  add column numero_ordre integer,
  add column montant_remuneration_centimes integer,
  add column montant_deplacement_centimes integer,
  add column montant_retenu_remuneration_centimes integer,
  add column montant_retenu_deplacement_centimes integer,
  add column valide_le timestamptz,
  add column recapitulatif_document_id uuid references document(id) on delete set null,
  add column traite_le timestamptz,
  add column traite_par integer references compte(id),
  add column rejet_motif text,
  add column rejete_le timestamptz,
  add column annulation_motif text,
  add column regroupe_dans_id integer references etat_frais(id),
  add column commentaire_regroupement text,
  add column paye_le timestamptz,
  add unique (academie_code, numero_ordre);

update etat_frais f set academie_code = c.academie_code, personne_id = c.personne_id from convocation c where c.id = f.convocation_id;
alter table etat_frais alter column academie_code set not null, alter column personne_id set not null;
create index etat_frais_academie_statut on etat_frais(academie_code, statut);
create index etat_frais_personne on etat_frais(personne_id);

-- Every convocation « convoquee » has its état de frais (created once; a later change keeps it).
create function etat_frais_de_convocation() returns trigger language plpgsql as $$
begin
  if new.statut = 'convoquee' then
    insert into etat_frais (convocation_id, academie_code, personne_id, statut)
    values (new.id, new.academie_code, new.personne_id, 'non_valide')
    on conflict (convocation_id) do nothing;
  end if;
  return new;
end $$;
create trigger convocation_etat_frais after insert or update of statut on convocation
  for each row execute function etat_frais_de_convocation();
insert into etat_frais (convocation_id, academie_code, personne_id, statut)
  select c.id, c.academie_code, c.personne_id, 'non_valide' from convocation c where c.statut = 'convoquee'
  on conflict (convocation_id) do nothing;

-- The déplacement lines of an état (one per leg and per mode).
create table frais_deplacement_ligne (
  id integer generated by default as identity primary key,
  etat_frais_id integer not null references etat_frais(id) on delete cascade,
  ordre integer not null,
  ville_depart text not null,
  ville_arrivee text not null,
  depart_le timestamptz not null,
  retour_le timestamptz not null,
  mode text not null check (mode in ('AUTOMOBILE','TRAIN_2EME_CLASSE','TRANSPORT_EN_COMMUN','BON_DE_TRANSPORT','AVION','BATEAU','MOTO','CYCLOMOTEUR','COVOITURAGE_PASSAGER','AUCUN')),
  puissance_fiscale integer check (puissance_fiscale between 1 and 99),
  km integer check (km between 0 and 5000),
  trajets integer not null default 1 check (trajets between 1 and 100),
  nuitees integer not null default 0 check (nuitees between 0 and 60),
  repas integer not null default 0 check (repas between 0 and 200),
  frais_divers_centimes integer not null default 0 check (frais_divers_centimes >= 0),
  billets_centimes integer not null default 0 check (billets_centimes >= 0),
  commentaire text not null default '',
  check (retour_le >= depart_le)
);
create index frais_deplacement_ligne_etat on frais_deplacement_ligne(etat_frais_id, ordre);

-- Receipts (pièces justificatives): the file is in the document store, streamed, never inline.
create table frais_piece (
  id uuid primary key,
  etat_frais_id integer not null references etat_frais(id) on delete cascade,
  academie_code text not null references academie(code),
  personne_id integer not null references personne(id),
  groupe text not null check (groupe in ('paie','deplacement')),
  nom text not null,
  type_mime text not null,
  taille bigint not null,
  sha256 text not null,
  cle_stockage text not null,
  depose_le timestamptz not null,
  depose_par integer references compte(id),
  depose_par_gestionnaire boolean not null default false,
  analyse_antivirus text not null check (analyse_antivirus in ('saine','non_analysee'))
);
create index frais_piece_etat on frais_piece(etat_frais_id, groupe);

-- A gestionnaire's correction of a figure: old → new, with its reason (also in the audit log).
create table frais_correction (
  id integer generated by default as identity primary key,
  etat_frais_id integer not null references etat_frais(id) on delete cascade,
  champ text not null,
  avant text,
  apres text,
  motif text not null,
  par integer references compte(id),
  le timestamptz not null
);

-- Dated rates (the one in force on the mission's first day applies).
create table frais_taux_remuneration (
  taux integer not null check (taux between 1 and 5),
  depuis date not null,
  copie_centimes integer not null check (copie_centimes >= 0),
  heure_centimes integer check (heure_centimes >= 0),
  primary key (taux, depuis)
);
create table frais_taux_km (
  categorie text not null check (categorie in ('5CV','6-7CV','8CV','MOTO','CYCLO')),
  bande integer not null check (bande between 1 and 3),
  depuis date not null,
  centimes integer not null check (centimes >= 0),
  primary key (categorie, bande, depuis)
);
create table frais_taux_forfait (
  nature text not null check (nature in ('nuitee_base','nuitee_grande_ville','nuitee_paris','nuitee_pmr','repas')),
  depuis date not null,
  centimes integer not null check (centimes >= 0),
  primary key (nature, depuis)
);
insert into frais_taux_remuneration (taux, depuis, copie_centimes, heure_centimes) values
  (1, '2012-04-13', 75, 411), (2, '2012-04-13', 110, 549), (3, '2012-04-13', 173, 960), (4, '2012-04-13', 247, 1372), (5, '2012-04-13', 500, null);
insert into frais_taux_km (categorie, bande, depuis, centimes) values
  ('5CV', 1, '2022-01-01', 32), ('5CV', 2, '2022-01-01', 40), ('5CV', 3, '2022-01-01', 23),
  ('6-7CV', 1, '2022-01-01', 41), ('6-7CV', 2, '2022-01-01', 51), ('6-7CV', 3, '2022-01-01', 30),
  ('8CV', 1, '2022-01-01', 45), ('8CV', 2, '2022-01-01', 55), ('8CV', 3, '2022-01-01', 32),
  ('MOTO', 1, '2022-01-01', 15), ('MOTO', 2, '2022-01-01', 15), ('MOTO', 3, '2022-01-01', 15),
  ('CYCLO', 1, '2022-01-01', 12), ('CYCLO', 2, '2022-01-01', 12), ('CYCLO', 3, '2022-01-01', 12);
insert into frais_taux_forfait (nature, depuis, centimes) values
  ('nuitee_base', '2019-03-01', 7000), ('nuitee_grande_ville', '2019-03-01', 9000), ('nuitee_paris', '2019-03-01', 11000), ('nuitee_pmr', '2019-03-01', 12000), ('repas', '2019-03-01', 1750),
  ('nuitee_base', '2023-09-22', 9000), ('nuitee_grande_ville', '2023-09-22', 12000), ('nuitee_paris', '2023-09-22', 14000), ('nuitee_pmr', '2023-09-22', 15000), ('repas', '2023-09-22', 2000);

-- Liquidation batches: a line per frais and nature, in one batch ever (the primary key).
create table liquidation_lot (
  id integer generated by default as identity primary key,
  academie_code text not null references academie(code),
  numero integer not null,
  statut text not null default 'en_preparation' check (statut in ('en_preparation','produit','paye')),
  traitement_id uuid references traitement(id) on delete set null,
  cree_le timestamptz not null,
  cree_par integer references compte(id),
  nb_frais integer not null default 0,
  total_centimes bigint not null default 0,
  paye_le timestamptz,
  unique (academie_code, numero)
);
create table liquidation_ligne (
  lot_id integer not null references liquidation_lot(id),
  etat_frais_id integer not null references etat_frais(id),
  nature text not null check (nature in ('remuneration','deplacement')),
  montant_centimes integer not null check (montant_centimes >= 0),
  paye_le timestamptz,
  primary key (etat_frais_id, nature)
);
create index liquidation_ligne_lot on liquidation_ligne(lot_id);

-- Reminders: when each person was last mailed about unvalidated frais, per académie.
create table frais_relance (
  personne_id integer not null references personne(id),
  academie_code text not null references academie(code),
  derniere_le timestamptz not null,
  primary key (personne_id, academie_code)
);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `drop table if exists frais_relance;
     drop table if exists liquidation_ligne;
     drop table if exists liquidation_lot;
     drop table if exists frais_taux_forfait;
     drop table if exists frais_taux_km;
     drop table if exists frais_taux_remuneration;
     drop table if exists frais_correction;
     drop table if exists frais_piece;
     drop table if exists frais_deplacement_ligne;
     drop trigger if exists convocation_etat_frais on convocation;
     drop function if exists etat_frais_de_convocation();
     alter table etat_frais drop constraint if exists etat_frais_academie_code_numero_ordre_key;
     alter table etat_frais drop column if exists academie_code, drop column if exists personne_id, drop column if exists version,
       drop column if exists modifie_par, drop column if exists saisie_commencee_le, drop column if exists remuneration,
       drop column if exists pieces_par_courrier, drop column if exists numero_ordre, drop column if exists montant_remuneration_centimes,
       drop column if exists montant_deplacement_centimes, drop column if exists montant_retenu_remuneration_centimes,
       drop column if exists montant_retenu_deplacement_centimes, drop column if exists valide_le, drop column if exists recapitulatif_document_id,
       drop column if exists traite_le, drop column if exists traite_par, drop column if exists rejet_motif, drop column if exists rejete_le,
       drop column if exists annulation_motif, drop column if exists regroupe_dans_id, drop column if exists commentaire_regroupement,
       drop column if exists paye_le;
     alter table etat_frais alter column statut set default 'pas_de_frais';
     alter table epreuve_option drop column if exists taux_remuneration;
     alter table mission drop column if exists emise_par_ministere;
     drop table if exists frais_conditions_acceptation;
     drop table if exists frais_parametres;`,
  );
}
