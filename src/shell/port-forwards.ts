/**
 * The learner's machine's listening ports that `kubectl port-forward` holds,
 * shared by all its terminals: one forwards, another connects (curl localhost:PORT).
 */
export interface ForwardTarget {
  namespace: string;
  pod: string;
  /** The pod's port the connection reaches. */
  podPort: number;
  /** Called for each connection, so the forwarding terminal can say `Handling connection for PORT`. */
  onConnection(): void;
}

export class PortForwards {
  private readonly listening = new Map<number, ForwardTarget>();

  /** Takes the local port; false when something already listens on it. */
  listen(localPort: number, target: ForwardTarget): boolean {
    if (this.listening.has(localPort)) return false;
    this.listening.set(localPort, target);
    return true;
  }

  close(localPort: number, target: ForwardTarget): void {
    if (this.listening.get(localPort) === target) this.listening.delete(localPort);
  }

  target(localPort: number): ForwardTarget | undefined {
    return this.listening.get(localPort);
  }

  /** A free port for `:REMOTE` (the kernel's choice in real kubectl). */
  freePort(from = 34_567): number {
    let port = from;
    while (this.listening.has(port)) port++;
    return port;
  }
}
