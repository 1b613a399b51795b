/**
 * buildIndexedDom builds the very DOM htmlparser2's parseDocument builds (with start
 * indices), and the element lists it fills while building are what a walk over the
 * finished tree finds: every element in document order, by tag, by class attribute
 * and by class name. Checked on every fixture page and on markup that makes the
 * parser imply, close early or give up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { AnyNode, Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { buildIndexedDom } from '../../src/parse/indexing-handler.js';

const PAGES = new URL('../../fixtures/pages/', import.meta.url);
const fixturePages = readdirSync(PAGES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(({ name }) => [name, readFileSync(new URL(`${name}/body.html`, PAGES), 'latin1')] as const);

const TRICKY: [string, string][] = [
  ['implied closes', '<ul><li>a<li>b</ul><p>one<p>two<div>three</div><table><tr><td>x<td>y<tr><td>z</table>'],
  ['stray end tags', '</p></br><div>a</span></div></div>text'],
  ['void and self-closing', '<img src=a><br/><input value="x"/><div/>after<svg><path d="M0"/><title>t</title></svg>'],
  ['comments, cdata and processing instructions', '<!-- a --><p>x<!-- b -->y</p><![CDATA[z]]><?xml version="1.0"?><!doctype html>'],
  ['entities split text', '<p>a &amp; b &lt;c&gt; &#7853; &nbsp; d</p>'],
  ['duplicate attributes', '<p class="a" class="b" id="x" ID="y">p</p>'],
  ['class whitespace', '<p class=" a  b\ta\n c ">1</p><p class="a">2</p><p class="b a">3</p><p class="">4</p><p class="a\u00a0b">5</p>'],
  ['script and style', '<script>if (a < b) { document.write("<p>x</p>") }</script><style>p > a { color: red }</style><p>y</p>'],
  ['truncated in a tag', '<div class="a"><p>text</p><span class="b'],
  ['truncated in an attribute value', '<div><a href="/x" title="t'],
  ['unclosed elements', '<html><body><div><section><p>deep'],
  ['foreign content', '<math><mi>x</mi></math><svg><foreignObject><p>html</p></foreignObject></svg>'],
  ['empty', ''],
  ['text only', 'just text'],
];

/** The tree as plain data: what matters to every reader of the DOM. */
function shape(node: AnyNode): unknown {
  const base = { type: node.type, startIndex: node.startIndex, endIndex: node.endIndex };
  if (node.type === 'text' || node.type === 'comment') return { ...base, data: node.data };
  if (node.type === 'directive') return { ...base, name: node.name, data: node.data };
  if (node.type === 'root' || node.type === 'cdata') return { ...base, children: node.children.map(shape) };
  const element = node as Element;
  return { ...base, name: element.name, attribs: element.attribs, children: element.children.map(shape) };
}

/** Sibling and parent links agree with the children lists. */
function linksAgree(parent: Document | Element): boolean {
  return parent.children.every(
    (child, i) =>
      child.parent === parent &&
      child.prev === (parent.children[i - 1] ?? null) &&
      child.next === (parent.children[i + 1] ?? null) &&
      (!('children' in child) || child.type === 'cdata' || linksAgree(child as Element)),
  );
}

/** Every element by a walk over the finished tree, in document order. */
function walk(root: Document): Element[] {
  const found: Element[] = [];
  const visit = (node: AnyNode): void => {
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') found.push(node as Element);
    if ((node.type === 'tag' || node.type === 'script' || node.type === 'style' || node.type === 'root') && 'children' in node) {
      for (const child of node.children) visit(child);
    }
  };
  visit(root);
  return found;
}

describe('buildIndexedDom', () => {
  it.each([...fixturePages, ...TRICKY])('%s: the DOM and its lists match a stock parse and a walk', (_name, html) => {
    const built = buildIndexedDom(html);
    const stock = parseDocument(html, { withStartIndices: true });
    expect(shape(built.document)).toEqual(shape(stock));
    expect(linksAgree(built.document)).toBe(true);

    const elements = walk(built.document);
    expect(built.elements).toEqual(elements);
    expect(built.elements.every((element, i) => element === elements[i])).toBe(true);

    const byTag = new Map<string, Element[]>();
    const classGroups = new Map<string, Element[]>();
    const classNames = new Map<string, Set<Element>>();
    for (const element of elements) {
      byTag.set(element.name, [...(byTag.get(element.name) ?? []), element]);
      const value = element.attribs['class'];
      if (!value) continue;
      classGroups.set(value, [...(classGroups.get(value) ?? []), element]);
      for (const name of value.split(/\s+/)) {
        if (name !== '') classNames.set(name, (classNames.get(name) ?? new Set()).add(element));
      }
    }
    expect(built.byTag).toEqual(byTag);
    expect(built.classGroups).toEqual(classGroups);
    expect(new Map([...built.classNames].map(([name, groups]) => [name, new Set(groups.flat())]))).toEqual(classNames);
  });

  it('lists a class group once under a name it repeats', () => {
    const { classNames, classGroups } = buildIndexedDom('<p class="a b a">1</p><p class="a b a">2</p>');
    expect(classNames.get('a')).toEqual([classGroups.get('a b a')]);
    expect(classNames.get('a')![0]).toHaveLength(2);
  });
});
