/** host-local IPAM: hands out the node's podCIDR addresses in order, never reusing one still in use. */
export class IPAllocator {
  private next = 2;
  private inUse = new Set<string>();
  private readonly prefix: string;

  constructor(podCIDR: string) {
    // kubelab nodes have /24 pod CIDRs: 10.244.N.0/24.
    this.prefix = podCIDR.split('/')[0].split('.').slice(0, 3).join('.');
  }

  reserve(ip: string): void {
    this.inUse.add(ip);
  }

  allocate(): string {
    for (let tries = 0; tries < 253; tries++) {
      const ip = `${this.prefix}.${this.next}`;
      this.next = this.next >= 254 ? 2 : this.next + 1;
      if (!this.inUse.has(ip)) {
        this.inUse.add(ip);
        return ip;
      }
    }
    throw new Error(`no free pod IP in ${this.prefix}.0/24`);
  }

  release(ip: string): void {
    this.inUse.delete(ip);
  }
}
