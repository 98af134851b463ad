// Roles and the scope each one acts in (issue 2 §3). The académie is always part of the scope.
export type Role = 'gestionnaire' | 'chef_etablissement' | 'intervenant' | 'administrateur' | 'dsi' | 'candidat' | 'membre_jury';

export const ROLES: Role[] = ['gestionnaire', 'chef_etablissement', 'intervenant', 'administrateur', 'dsi', 'candidat', 'membre_jury'];

export const LIBELLE_ROLE: Record<Role, string> = {
  gestionnaire: 'Gestionnaire DEC',
  chef_etablissement: "Chef d'établissement",
  intervenant: 'Intervenant',
  administrateur: 'Administrateur',
  dsi: 'DSI académique',
  candidat: 'Candidat',
  membre_jury: 'Membre de jury',
};

export type Portee = 'academie' | 'etablissement' | 'personne' | 'candidat' | 'jury';

export const PORTEE_ROLE: Record<Role, Portee> = {
  gestionnaire: 'academie',
  chef_etablissement: 'etablissement',
  intervenant: 'personne',
  administrateur: 'academie',
  dsi: 'academie',
  candidat: 'candidat',
  membre_jury: 'jury',
};
