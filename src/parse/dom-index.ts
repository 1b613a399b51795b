/**
 * A DOM built once by htmlparser2 with an index of its elements: document order,
 * tag, class and id lookups. Selectors are answered from the index (candidates by
 * the selector's rightmost id, class or tag, then tested with a compiled css-select
 * query), so extraction never walks the whole tree per selector — on a 200 KB page
 * that walk costs more than the parse itself.
 *
 * The parse lists the elements as it builds them (indexing-handler.ts): in
 * document order, by tag, by class attribute and by class name; an element's
 * `startIndex` gives document order without a position table.
 */
import { compile } from 'css-select';
import { parse as parseSelector, type AttributeSelector, type Selector } from 'css-what';
import type { AnyNode, Document, Element } from 'domhandler';
import { buildIndexedDom } from './indexing-handler.js';

type Matcher = (element: Element) => boolean;

/** How to find the candidates of one comma group of a selector. */
interface GroupPlan {
  /**
   * Lookup keys of the group's rightmost compound, any of which lists every element
   * it can match: `#id`, `.class`, `tag`, `[attribute]` or `*`. The shortest list wins.
   */
  keys: string[];
  /** Attributes the rightmost compound requires (`[align="right"]`, `[rel]`): a cheap test before the full match. */
  required: string[];
  /** The group is a lone tag or class (`meta`, `.sapo`): its key's list is exactly its matches. */
  exact: boolean;
  /**
   * A class or tag of each other compound (`article.fck_detail p.author_mail strong`
   * → `.fck_detail`, `.author_mail`): when a page lists no element under one of them,
   * that compound matches nothing, and so does the group.
   */
  prerequisites: string[];
}

interface CompiledSelector {
  match: Matcher;
  groups: GroupPlan[];
  /** Every group is exact: the candidates need no matching. */
  exact: boolean;
}

const compiled = new Map<string, CompiledSelector>();

/** Compile once per selector string for the life of the process. Throws on invalid CSS. */
function compileSelector(selector: string): CompiledSelector {
  let entry = compiled.get(selector);
  if (entry === undefined) {
    const groups = parseSelector(selector);
    // No result cache: css-select's keeps a WeakSet of elements per selector for the
    // life of the process, which every garbage collection then has to sweep.
    const plans = groups.map(planGroup);
    entry = { match: compile<AnyNode, Element>(groups, { cacheResults: false }) as Matcher, groups: plans, exact: plans.every((plan) => plan.exact) };
    compiled.set(selector, entry);
  }
  return entry;
}

const COMBINATORS = new Set(['descendant', 'child', 'sibling', 'adjacent', 'parent', 'column-combinator']);

/**
 * The lookup keys of a group's rightmost compound selector: `#id` alone; else its
 * first class and its tag; else `[attribute]` (presence of an attribute such as
 * `rel` or `itemprop`); else `*`. And the attributes that compound requires: every
 * attribute test but `!=` needs the attribute to be there.
 */
function planGroup(group: Selector[]): GroupPlan {
  let tag: string | null = null;
  let className: string | null = null;
  let attribute: string | null = null;
  let id: string | null = null;
  const required: string[] = [];
  for (let i = group.length - 1; i >= 0; i--) {
    const token = group[i]!;
    if (COMBINATORS.has(token.type)) break;
    if (token.type === 'tag') tag = token.name;
    if (token.type !== 'attribute') continue;
    if (token.action !== 'not' && !token.namespace) required.push(token.name.toLowerCase());
    if (token.name === 'id' && token.action === 'equals') id ??= token.value;
    else if (token.name === 'class' && token.action === 'element') className ??= token.value;
    else if (token.name !== 'class' && token.name !== 'id') attribute ??= token.name.toLowerCase();
  }
  let keys: string[];
  if (id !== null) keys = [`#${id}`];
  else if (className !== null || tag !== null) keys = [...(className === null ? [] : [`.${className}`]), ...(tag === null ? [] : [tag])];
  else keys = [attribute === null ? '*' : `[${attribute}]`];
  // A lone tag, or a lone case-sensitive class (css-select's default, outside quirks mode).
  const only = group.length === 1 ? group[0]! : null;
  const exact =
    only !== null &&
    (only.type === 'tag' || isPlainClassTest(only));
  return { keys, required: [...new Set(required)], exact, prerequisites: prerequisitesOf(group) };
}

/** A `.name` test as css-select runs it outside quirks mode: case-sensitive, on the class attribute. */
function isPlainClassTest(token: Selector): token is AttributeSelector {
  return token.type === 'attribute' && token.name === 'class' && token.action === 'element' && token.ignoreCase !== true && !token.namespace;
}

/** One class (else tag) key for each compound left of the rightmost one that has either. */
function prerequisitesOf(group: Selector[]): string[] {
  const keys: string[] = [];
  let key: string | null = null;
  let rightmost = true;
  for (let i = group.length - 1; i >= -1; i--) {
    const token = i >= 0 ? group[i]! : null;
    if (token === null || COMBINATORS.has(token.type)) {
      // A compound ends here.
      if (!rightmost && key !== null) keys.push(key);
      rightmost = false;
      key = null;
      continue;
    }
    if (token.type === 'tag' && !token.namespace) key ??= token.name.toLowerCase();
    // A class test as css-select runs it outside quirks mode: case-sensitive, one class name.
    if (isPlainClassTest(token) && !/\s/.test(token.value)) {
      if (key === null || !key.startsWith('.')) key = `.${token.value}`;
    }
  }
  return keys;
}

export class DomIndex {
  readonly document: Document;
  /** Every element, in document order. */
  readonly elements: readonly Element[];
  /** Elements by tag name, in document order. */
  private readonly byTag: Map<string, Element[]>;
  /** Class name → the groups of elements (by whole class attribute) whose attribute names it. */
  private readonly classNames: Map<string, Element[][]>;
  /** Elements by `.class`, `#id` and `[attribute]`, computed on first use. */
  private readonly byOther = new Map<string, readonly Element[]>();
  /** Query results by selector: field rules share selectors (byline and attribution). */
  private readonly results = new Map<string, Element[]>();

  constructor(html: string) {
    const { document, elements, byTag, classNames } = buildIndexedDom(html);
    this.document = document;
    this.elements = elements;
    this.byTag = byTag;
    this.classNames = classNames;
  }

  /** Elements matching a CSS selector, in document order. Throws on invalid CSS. */
  query(selector: string): Element[] {
    let result = this.results.get(selector);
    if (result === undefined) {
      const { match, groups, exact } = compileSelector(selector);
      const candidates = this.candidatesOf(groups);
      result = exact ? candidates.slice() : candidates.filter(match);
      this.results.set(selector, result);
    }
    return result;
  }

  /** The first element matching a selector, or `null`. */
  first(selector: string): Element | null {
    const { match, groups, exact } = compileSelector(selector);
    const candidates = this.candidatesOf(groups);
    return (exact ? candidates[0] : candidates.find(match)) ?? null;
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

  /** Position in document order (an index into `elements`), or -1 for an element not in this page. */
  position(element: Element): number {
    const target = element.startIndex;
    if (target === null) return -1;
    const { elements } = this;
    let low = 0;
    let high = elements.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (elements[middle]!.startIndex! < target) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < elements.length && elements[i]!.startIndex === target; i++) if (elements[i] === element) return i;
    return -1;
  }

  /** Every element that may match one of the groups, in document order. */
  private candidatesOf(groups: readonly GroupPlan[]): readonly Element[] {
    if (groups.length === 1) return this.groupCandidates(groups[0]!);
    let found: readonly Element[] = [];
    let merged: Element[] | null = null;
    for (const group of groups) {
      const list = this.groupCandidates(group);
      if (list.length === 0) continue;
      if (found.length === 0) found = list;
      else (merged ??= [...found]).push(...list);
    }
    return merged === null ? found : inDocumentOrder(merged);
  }

  /** The shortest candidate list of a group's keys, less the elements lacking a required attribute. */
  private groupCandidates({ keys, required, prerequisites }: GroupPlan): readonly Element[] {
    for (const key of prerequisites) if (this.candidates(key).length === 0) return [];
    let best = this.candidates(keys[0]!);
    for (let i = 1; i < keys.length; i++) {
      const list = this.candidates(keys[i]!);
      if (list.length < best.length) best = list;
    }
    if (required.length === 0 || best.length === 0) return best;
    return best.filter((element) => hasAttributes(element, required));
  }

  private candidates(key: string): readonly Element[] {
    if (key === '*') return this.elements;
    const kind = key[0];
    if (kind !== '.' && kind !== '#' && kind !== '[') return this.byTag.get(key) ?? [];
    let list = this.byOther.get(key);
    if (list === undefined) {
      if (kind === '.') list = this.withClass(key.slice(1));
      else {
        const name = kind === '#' ? 'id' : key.slice(1, -1);
        const id = key.slice(1);
        list = this.elements.filter((element) => (kind === '#' ? element.attribs['id'] === id : name in element.attribs));
      }
      this.byOther.set(key, list);
    }
    return list;
  }

  /** Elements whose class list holds `name`: the groups of class attributes that list it, merged. */
  private withClass(name: string): readonly Element[] {
    const lists = this.classNames.get(name);
    if (lists === undefined) return [];
    return lists.length === 1 ? lists[0]! : inDocumentOrder(lists.flat());
  }
}

/** Whether an element has every one of the attributes. */
function hasAttributes(element: Element, names: readonly string[]): boolean {
  const attribs = element.attribs;
  for (const name of names) if (attribs[name] === undefined) return false;
  return true;
}

/** Elements sorted into document order, each once (start indices grow with document order). */
function inDocumentOrder(elements: Element[]): Element[] {
  elements.sort((a, b) => a.startIndex! - b.startIndex!);
  const result: Element[] = [];
  for (const element of elements) if (result[result.length - 1] !== element) result.push(element);
  return result;
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
