// Request schemas of the identity routes, shared with the web forms that send them.
import { z } from 'zod';
import { SERVICE_CODES } from '../../domain/services.ts';

export const connexionSchema = z.object({
  service: z.enum(SERVICE_CODES as [string, ...string[]], { error: 'Service inconnu.' }),
  identifiant: z.string({ error: "L'identifiant est obligatoire." }).trim().min(1, "L'identifiant est obligatoire.").max(200, "L'identifiant est trop long (200 caractères au plus)."),
  motDePasse: z.string({ error: 'Le mot de passe est obligatoire.' }).min(1, 'Le mot de passe est obligatoire.').max(200, 'Le mot de passe est trop long (200 caractères au plus).'),
  attributionId: z.number().int().positive().optional(),
});

export const changementSchema = z.object({
  ancien: z.string().min(1, 'Le mot de passe actuel est obligatoire.').max(200),
  nouveau: z.string().min(1, 'Le nouveau mot de passe est obligatoire.').max(200, 'Le mot de passe est trop long (200 caractères au plus).'),
  confirmation: z.string().min(1, 'La confirmation du nouveau mot de passe est obligatoire.').max(200),
});

export const oubliSchema = z.object({
  identifiant: z.string().trim().min(1, "Saisissez d'abord votre identifiant.").max(200),
});

export const reinitialisationSchema = z.object({
  jeton: z.string().min(10, 'Le lien de réinitialisation est incomplet.').max(200),
  nouveau: z.string().min(1, 'Le nouveau mot de passe est obligatoire.').max(200),
  confirmation: z.string().min(1, 'La confirmation du nouveau mot de passe est obligatoire.').max(200),
});

export const emailSchema = z.object({
  email: z.string().trim().min(1, "L'adresse électronique est obligatoire.").max(254, "L'adresse électronique est trop longue."),
});
