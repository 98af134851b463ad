// Graceful stop (SIGTERM): the process stops taking new work but answers everything it accepted.
// While stopping, every new request gets a quick 503 in French with « Connection: close » (a load
// balancer's readiness probe included, so it takes the process out of rotation) instead of a reset
// connection; requests already running finish; then the server closes, within a bounded delay.
export class Arret {
  demande = false;
  enCours = 0;
}

export const MESSAGE_ARRET = 'Le service redémarre : réessayez dans quelques secondes.';
