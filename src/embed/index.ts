// embed.js: one <script type="module" src=".../embed.js"> defines <kube-lab>.
import { KubeLabElement } from './element';

export { KubeLabElement };

if (!customElements.get('kube-lab')) customElements.define('kube-lab', KubeLabElement);
