// embed.html: the widget as a page, for hosts that allow iframes but not scripts.
// embed.html?lesson=…&step=…&height=…&theme=light&mode=show&script=cmd1%0Acmd2
import { KubeLabElement } from './element';
import { OPTION_NAMES, optionsFromQuery } from './options';

if (!customElements.get('kube-lab')) customElements.define('kube-lab', KubeLabElement);

const options = optionsFromQuery(location.search);
const params = new URLSearchParams(location.search);
const widget = document.createElement('kube-lab');
for (const name of OPTION_NAMES) {
  const value = name === 'height' ? null : params.get(name);
  if (value !== null) widget.setAttribute(name, value);
}
// The iframe's own size is the host's choice; height= only caps the widget inside it.
widget.setAttribute('height', params.has('height') ? options.height : '100vh');
document.documentElement.dataset.theme = options.theme;
document.documentElement.lang = options.language;
document.body.append(widget);
