// Every migration, in order. A static list rather than a directory scan: the bundle-free server and
// the tests load exactly the same set.
import type { Migration } from 'kysely/migration';
import * as m001 from './20261123_001_socle.ts';
import * as m002 from './20261123_002_traitement_etape.ts';
import * as m003 from './20261123_003_missions.ts';
import * as m004 from './20261123_004_imagin_etablissement.ts';
import * as m005 from './20261123_005_centre_examen.ts';
import * as m006 from './20261203_006_cyclades_candidats.ts';
import * as m007 from './20261203_007_cyclades_deliberation.ts';
import * as m008 from './20261203_008_cles_otp.ts';
import * as m009 from './20261203_009_portail_jury.ts';
import * as m010 from './20261206_010_limites_connexion.ts';
import * as m011 from './20261206_011_une_generation_comptes.ts';
import * as m015 from './20261206_015_constat_icc.ts';
import * as m016 from './20261206_016_habilitations_intervenant.ts';
import * as m020 from './20261206_020_portails_intervenant.ts';
import * as m021 from './20261206_021_enquete_dcs.ts';
import * as m022 from './20261206_022_etats_frais.ts';
import * as m027 from './20261206_027_traitement_etats_frais.ts';
import * as m028 from './20261206_028_liquidation_icc.ts';
import * as m032 from './20261206_032_santorin_comptages.ts';
import * as m035 from './20261206_035_index_propositions.ts';

export const migrations: Record<string, Migration> = {
  '20261123_001_socle': m001,
  '20261123_002_traitement_etape': m002,
  '20261123_003_missions': m003,
  '20261123_004_imagin_etablissement': m004,
  '20261123_005_centre_examen': m005,
  '20261203_006_cyclades_candidats': m006,
  '20261203_007_cyclades_deliberation': m007,
  '20261203_008_cles_otp': m008,
  '20261203_009_portail_jury': m009,
  '20261206_010_limites_connexion': m010,
  '20261206_011_une_generation_comptes': m011,
  '20261206_015_constat_icc': m015,
  '20261206_016_habilitations_intervenant': m016,
  '20261206_020_portails_intervenant': m020,
  '20261206_021_enquete_dcs': m021,
  '20261206_022_etats_frais': m022,
  '20261206_027_traitement_etats_frais': m027,
  '20261206_028_liquidation_icc': m028,
  '20261206_032_santorin_comptages': m032,
  '20261206_035_index_propositions': m035,
};
