import { describe, expect, it } from 'vitest';
import { executeGoTemplate, GoTemplateError, parseGoTemplate } from './gotemplate';

const pod = {
  metadata: { name: 'web-0', labels: { app: 'nginx', 'app.kubernetes.io/name': 'web' } },
  spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', ports: [{ containerPort: 80 }] }, { name: 'side', image: 'busybox:1.36' }] },
  status: { phase: 'Running', podIP: '10.244.1.2' },
};

describe('Go templates as kubectl -o go-template runs them', () => {
  it('ranges over a slice with index and element variables', () => {
    expect(executeGoTemplate('{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}', pod)).toBe('registry.k8s.io/nginx-slim:0.24busybox:1.36');
  });

  it('sets dot to each element in a plain range and prints string literals with escapes', () => {
    expect(executeGoTemplate('{{range .spec.containers}}{{.name}}{{"\\t"}}{{.image}}{{"\\n"}}{{end}}', pod)).toBe('nginx\tregistry.k8s.io/nginx-slim:0.24\nside\tbusybox:1.36\n');
  });

  it('prints <no value> for a missing key, and JSON numbers as Go float64', () => {
    expect(executeGoTemplate('{{.status.hostIP}} {{.spec.nodeName.x}} {{(index .spec.containers 0).ports}}', pod)).toBe('<no value> <no value> [map[containerPort:80]]');
    expect(executeGoTemplate('{{.a}} {{.b}} {{.c}} {{.d}}', { a: 3, b: 1000000, c: 1234567, d: 0.5 })).toBe('3 1e+06 1.234567e+06 0.5');
  });

  it('prints maps with sorted keys and reads keys with dots through index', () => {
    expect(executeGoTemplate('{{.metadata.labels}}|{{index .metadata.labels "app.kubernetes.io/name"}}', pod)).toBe('map[app:nginx app.kubernetes.io/name:web]|web');
  });

  it('branches with if, else if and else, and trims around {{- -}}', () => {
    const t = '{{range .spec.containers -}}\n  {{if eq .name "side"}}S{{else if eq .name "nginx"}}N{{else}}?{{end}}\n{{- end}}';
    expect(executeGoTemplate(t, pod)).toBe('NS');
  });

  it('pipes into functions and binds variables', () => {
    expect(executeGoTemplate('{{$n := len .spec.containers}}{{$n}} {{.metadata.name | printf "%s!"}} {{with .status}}{{.phase}}{{end}}', pod)).toBe('2 web-0! Running');
  });

  it('ranges over a map in key order and runs else for an empty range', () => {
    expect(executeGoTemplate('{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}{{range .none}}x{{else}}empty{{end}}', pod)).toBe('app=nginx;app.kubernetes.io/name=web;empty');
  });

  it('refuses to compare a template int with a JSON number, as Go does', () => {
    expect(() => executeGoTemplate('{{eq .a 3}}', { a: 3 })).toThrow(new GoTemplateError('error calling eq: incompatible types for comparison'));
    expect(executeGoTemplate('{{eq .a 3.0}}', { a: 3 })).toBe('true');
  });

  it('reports parse errors with the template name and line', () => {
    expect(() => parseGoTemplate('{{range .items}}')).toThrow(new GoTemplateError('template: output:1: unexpected EOF'));
    expect(() => parseGoTemplate('{{nope .x}}')).toThrow(new GoTemplateError('template: output:1: function "nope" not defined'));
    expect(() => parseGoTemplate('a\n{{end}}')).toThrow(new GoTemplateError('template: output:2: unexpected {{end}}'));
  });
});

describe("text/template's escaping and slice builtins", () => {
  it('escapes for HTML, JavaScript and URL queries as Go does', () => {
    const data = { s: `<a href='x'>"&"</a>=\n`, q: 'a b&c/é' };
    expect(executeGoTemplate('{{html .s}}|{{js .s}}|{{urlquery .q}}|{{html 1 2}}', data)).toBe(
      '&lt;a href=&#39;x&#39;&gt;&#34;&amp;&#34;&lt;/a&gt;=\n|\\u003Ca href\\u003D\\\'x\\\'\\u003E\\"\\u0026\\"\\u003C/a\\u003E\\u003D\\u000A|a+b%26c%2F%C3%A9|1 2',
    );
  });

  it('slices strings by byte and slices, with Go\'s errors for bad indexes', () => {
    expect(executeGoTemplate('{{slice .s 1 3}}|{{slice .l 1}}|{{slice .s}}', { s: 'nginx', l: [1, 2, 3] })).toBe('gi|[2 3]|nginx');
    expect(() => executeGoTemplate('{{slice .s 4 2}}', { s: 'nginx' })).toThrow(new GoTemplateError('error calling slice: invalid slice index: 4 > 2'));
    expect(() => executeGoTemplate('{{slice .s 9}}', { s: 'nginx' })).toThrow(new GoTemplateError('error calling slice: index out of range: 9'));
    expect(() => executeGoTemplate('{{slice .s .n}}', { s: 'nginx', n: 1 })).toThrow(new GoTemplateError('error calling slice: cannot index slice/array with type float64'));
  });

  it('fails call on data, which holds no functions', () => {
    expect(() => executeGoTemplate('{{call .metadata.name 1}}', pod)).toThrow(new GoTemplateError('error calling call: non-function .metadata.name of type string'));
    expect(() => executeGoTemplate('{{call .nope}}', pod)).toThrow(new GoTemplateError('error calling call: call of nil'));
  });
});

describe('printf in Go templates', () => {
  it('formats as fmt does, marking operands a verb does not take', () => {
    expect(executeGoTemplate('{{printf "%s=%q %-6s|%5s|" .n .n .n .n}}{{printf "%d %d %s %.1f" .r 3 .r .r}}', { n: 'web', r: 3 })).toBe(
      'web="web" web   |  web|%!d(float64=3) 3 %!s(float64=3) 3.0',
    );
  });
});
