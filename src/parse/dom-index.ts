/**
 * A DOM built once by htmlparser2 with an index of its elements, filled while
 * parsing: document order, tag, class and id lookups. Selectors are answered from
 * the index (candidates by the selector's rightmost id, class or tag, then tested
 * with a compiled css-select query), so extraction never walks the whole tree per
 * selector — on a 200 KB page that walk costs more than the parse itself.
 */
import { compile } from 'css-select';
import { parse as parseSelector, type Selector } from 'css-what';
import { DomHandler, type AnyNode, type Document, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';

/** Records every element in document (opening-tag) order, by tag and by class name. */
class IndexingHandler extends DomHandler {
  readonly elements: Element[] = [];
  readonly byTag = new Map<string, Element[]>();
  readonly byClass = new Map<string, Element[]>();

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    const element = this.tagStack[this.tagStack.length - 1] as Element;
    this.elements.push(element);
    append(this.byTag, element.name, element);
    const className = attribs['class'];
    if (className) {
      if (className.indexOf(' ') === -1 && className.indexOf('\n') === -1 && className.indexOf('\t') === -1) append(this.byClass, className, element);
      else for (const part of className.split(/\s+/)) if (part) append(this.byClass, part, element);
    }
  }
}

type Matcher = (element: Element) => boolean;
interface CompiledSelector {
  match: Matcher;
  /** One lookup key per comma group: `#id`, `.class`, `tag` or `*`. */
  keys: string[];
}

const compiled = new Map<string, CompiledSelector>();

/** Compile once per selector string for the life of the process. Throws on invalid CSS. */
function compileSelector(selector: string): CompiledSelector {
  let entry = compiled.get(selector);
  if (entry === undefined) {
    const groups = parseSelector(selector);
    entry = { match: compile<AnyNode, Element>(groups) as Matcher, keys: groups.map(lookupKey) };
    compiled.set(selector, entry);
  }
  return entry;
}

/**
 * The most selective key of a group's rightmost compound selector: `#id`, `.class`,
 * `tag`, then `[attribute]` (presence of an attribute such as `rel` or `itemprop`).
 */
function lookupKey(group: Selector[]): string {
  let tag: string | null = null;
  let className: string | null = null;
  let attribute: string | null = null;
  for (let i = group.length - 1; i >= 0; i--) {
    const token = group[i]!;
    if (['descendant', 'child', 'sibling', 'adjacent', 'parent', 'column-combinator'].includes(token.type)) break;
    if (token.type === 'attribute' && token.name === 'id' && token.action === 'equals') return `#${token.value}`;
    if (token.type === 'attribute' && token.name === 'class' && token.action === 'element') className ??= token.value;
    else if (token.type === 'attribute' && token.name !== 'class' && token.name !== 'id') attribute ??= token.name.toLowerCase();
    if (token.type === 'tag') tag = token.name;
  }
  if (className !== null) return `.${className}`;
  if (tag !== null) return tag;
  return attribute === null ? '*' : `[${attribute}]`;
}

export class DomIndex {
  readonly document: Document;
  /** Every element, in document order. */
  readonly elements: readonly Element[];
  /** Elements by tag name and by class name, in document order (filled while parsing). */
  private readonly byTag: Map<string, Element[]>;
  private readonly byClass: Map<string, Element[]>;
  /** Elements by `#id` and `[attribute]`, computed on first use. */
  private readonly byOther = new Map<string, Element[]>();
  private positions: Map<Element, number> | null = null;
  /** Query results by selector: field rules share selectors (byline and attribution). */
  private readonly results = new Map<string, Element[]>();

  constructor(html: string) {
    const handler = new IndexingHandler();
    new Parser(handler, { decodeEntities: true }).end(html);
    this.document = handler.root;
    this.elements = handler.elements;
    this.byTag = handler.byTag;
    this.byClass = handler.byClass;
  }

  /** Elements matching a CSS selector, in document order. Throws on invalid CSS. */
  query(selector: string): Element[] {
    let result = this.results.get(selector);
    if (result === undefined) {
      const { match, keys } = compileSelector(selector);
      const candidates = keys.length === 1 ? this.candidates(keys[0]!) : this.union(keys);
      result = candidates.filter(match);
      this.results.set(selector, result);
    }
    return result;
  }

  /** The first element matching a selector, or `null`. */
  first(selector: string): Element | null {
    const { match, keys } = compileSelector(selector);
    const candidates = keys.length === 1 ? this.candidates(keys[0]!) : this.union(keys);
    return candidates.find(match) ?? null;
  }

  /** Whether an element matches a selector. */
  matches(element: Element, selector: string): boolean {
    return compileSelector(selector).match(element);
  }

  /** The element itself or its nearest ancestor matching a selector. */
  closest(element: Element, selector: string): Element | null {
    const { match } = compileSelector(selector);
    for (let node: AnyNode | null = element; node !== null; node = node.parent) {
      if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        if (match(node as Element)) return node as Element;
      }
    }
    return null;
  }

  /** Position in document order (for sorting and "comes before" checks). */
  position(element: Element): number {
    if (this.positions === null) {
      this.positions = new Map();
      this.elements.forEach((e, i) => this.positions!.set(e, i));
    }
    return this.positions.get(element) ?? -1;
  }

  private candidates(key: string): readonly Element[] {
    if (key === '*') return this.elements;
    const kind = key[0];
    if (kind === '.') return this.byClass.get(key.slice(1)) ?? [];
    if (kind !== '#' && kind !== '[') return this.byTag.get(key) ?? [];
    let list = this.byOther.get(key);
    if (list === undefined) {
      const name = kind === '#' ? 'id' : key.slice(1, -1);
      const id = key.slice(1);
      list = this.elements.filter((element) => (kind === '#' ? element.attribs['id'] === id : name in element.attribs));
      this.byOther.set(key, list);
    }
    return list;
  }

  private union(keys: string[]): Element[] {
    if (keys.includes('*')) return [...this.elements];
    const set = new Set<Element>();
    for (const key of keys) for (const element of this.candidates(key)) set.add(element);
    return [...set].sort((a, b) => this.position(a) - this.position(b));
  }

}

function append(map: Map<string, Element[]>, key: string, element: Element): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [element]);
  else if (list[list.length - 1] !== element) list.push(element);
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'section',
  'article', 'header', 'footer', 'blockquote', 'figure', 'figcaption', 'dd', 'dt', 'hr',
]);
/** Elements whose text is never visible content. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'select']);

/** Visible text of a node (the first `maxChars` or a little more): scripts/styles skipped, block boundaries kept as spaces. */
export function textOf(node: AnyNode, maxChars = Infinity, skip?: (element: Element) => boolean): string {
  // An explicit stack, not recursion: pages with thousands of nested elements exist.
  const parts: string[] = [];
  let length = 0;
  const stack: (AnyNode | typeof BLOCK_END)[] = [node];
  while (stack.length > 0 && length < maxChars) {
    const current = stack.pop()!;
    if (current === BLOCK_END) {
      parts.push(' ');
      continue;
    }
    if (current.type === 'text') {
      parts.push(current.data);
      length += current.data.length;
      continue;
    }
    if (current.type !== 'tag' && current.type !== 'root') continue;
    const element = current as Element;
    if (current.type === 'tag' && (SKIPPED_TAGS.has(element.name) || (skip !== undefined && skip(element)))) continue;
    const block = current.type === 'tag' && BLOCK_TAGS.has(element.name);
    if (block) {
      parts.push(' ');
      stack.push(BLOCK_END);
    }
    for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]!);
  }
  return parts.join('');
}

/** Marks the end of a block element on textOf's stack. */
const BLOCK_END = Symbol('block end');

/** The raw character data of an element's text children (for <script> contents). */
export function rawText(element: Element): string {
  let text = '';
  for (const child of element.children) if (child.type === 'text') text += child.data;
  return text;
}
