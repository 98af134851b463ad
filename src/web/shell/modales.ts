// The shell's dialogs, created once (react-dsfr modals driven by the DSFR script).
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';

export const modaleAide = createModal({ id: 'modale-aide', isOpenedByDefault: false });
export const modaleParametres = createModal({ id: 'modale-parametres', isOpenedByDefault: false });
export const modaleInactivite = createModal({ id: 'modale-inactivite', isOpenedByDefault: false });
