// One error type for every expected failure: a code, an HTTP status, a French message saying what
// to do, and, for input errors, the message of each field concerned.
export type ErrorCode =
  | 'VALIDATION'
  | 'NON_AUTHENTIFIE'
  | 'SESSION_EXPIREE'
  | 'INTERDIT'
  | 'ACTIVITE_FERMEE'
  | 'MOT_DE_PASSE_A_CHANGER'
  | 'INTROUVABLE'
  | 'CONFLIT'
  | 'TROP_DE_TENTATIVES'
  | 'TROP_VOLUMINEUX'
  | 'CSRF'
  | 'TECHNIQUE'
  | 'INDISPONIBLE';

const STATUS: Record<ErrorCode, number> = {
  INDISPONIBLE: 503,
  VALIDATION: 400,
  NON_AUTHENTIFIE: 401,
  SESSION_EXPIREE: 401,
  INTERDIT: 403,
  ACTIVITE_FERMEE: 403,
  MOT_DE_PASSE_A_CHANGER: 403,
  CSRF: 403,
  INTROUVABLE: 404,
  CONFLIT: 409,
  TROP_VOLUMINEUX: 413,
  TROP_DE_TENTATIVES: 429,
  TECHNIQUE: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly status: number;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.code = code;
    this.fields = fields;
    this.status = STATUS[code];
  }
}

export const invalide = (message: string, fields?: Record<string, string>) => new AppError('VALIDATION', message, fields);
export const champInvalide = (field: string, message: string) => new AppError('VALIDATION', message, { [field]: message });
export const interdit = (message = "Vous n'avez pas les droits nécessaires pour cette action.") => new AppError('INTERDIT', message);
export const introuvable = (message = "L'élément demandé n'existe pas ou ne vous est pas accessible.") =>
  new AppError('INTROUVABLE', message);
export const conflit = (message: string) => new AppError('CONFLIT', message);

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}
