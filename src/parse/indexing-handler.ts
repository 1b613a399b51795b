/**
 * Builds a page's DOM from htmlparser2's callbacks exactly as the stock DomHandler
 * does with start indices on (same node classes, same text merging, same sibling
 * links), and lists the elements while building them: every element in document
 * order, by tag name, by whole `class` attribute and by class name. Elements are
 * opened in document order, so these lists need no walk over the finished tree.
 *
 * The parser is htmlparser2's CommonJS build, a copy of its own: its callback call
 * sites then only ever see this handler, even when the same process also parses
 * through the ES module build with other handlers (feeds' plain-object handler,
 * the stock DomHandler). Sharing one copy made those call sites polymorphic, and
 * V8 then compiled the parser worse for every user, often by several per cent.
 */
import { createRequire } from 'node:module';
import { CDATA, Comment, Document, Element, ProcessingInstruction, Text, type ChildNode, type ParentNode } from 'domhandler';
import type { Parser as HtmlParser } from 'htmlparser2';

const { Parser } = createRequire(import.meta.url)('htmlparser2') as { Parser: typeof HtmlParser };
type Parser = HtmlParser;

const WHITESPACE = /\s/;

/** The DOM of one page and its element lists, all in document order. */
export interface IndexedDom {
  document: Document;
  /** Every element. */
  elements: Element[];
  /** Elements by tag name. */
  byTag: Map<string, Element[]>;
  /** Elements by their whole, non-empty `class` attribute value. */
  classGroups: Map<string, Element[]>;
  /** Class name → the lists of `classGroups` whose attribute names it, in order of first appearance. */
  classNames: Map<string, Element[][]>;
}

/** Parse HTML into a DOM (as htmlparser2's `parseDocument` with start indices) and its element lists. */
export function buildIndexedDom(html: string): IndexedDom {
  const handler = new IndexingHandler();
  new Parser(handler).end(html);
  const { root, elements, byTag, classGroups, classNames } = handler;
  return { document: root, elements, byTag, classGroups, classNames };
}

/** htmlparser2's DomHandler (withStartIndices, no end indices, HTML mode) plus element lists. */
class IndexingHandler {
  root = new Document([]);
  elements: Element[] = [];
  byTag = new Map<string, Element[]>();
  classGroups = new Map<string, Element[]>();
  classNames = new Map<string, Element[][]>();
  private tagStack: ParentNode[] = [this.root];
  /** A text or comment node still being written to. */
  private lastNode: Text | Comment | null = null;
  private parser: Parser | null = null;

  onparserinit(parser: Parser): void {
    this.parser = parser;
  }

  onend(): void {
    this.parser = null;
  }

  onerror(error: Error): void {
    throw error;
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    const element = new Element(name, attribs);
    this.addNode(element);
    this.tagStack.push(element);
    this.elements.push(element);
    const sameTag = this.byTag.get(name);
    if (sameTag === undefined) this.byTag.set(name, [element]);
    else sameTag.push(element);
    const className = attribs['class'];
    if (className) {
      const sameClass = this.classGroups.get(className);
      if (sameClass === undefined) this.addClassGroup(className, [element]);
      else sameClass.push(element);
    }
  }

  /**
   * A class attribute value seen for the first time: its list, listed under each
   * class name it holds. css-select separates class names at any whitespace (\s),
   * so the index does too.
   */
  private addClassGroup(value: string, group: Element[]): void {
    this.classGroups.set(value, group);
    if (!WHITESPACE.test(value)) this.listUnderClass(value, group);
    else for (const className of value.split(/\s+/)) if (className !== '') this.listUnderClass(className, group);
  }

  /** List a class group under one class name (once, though `a b a` names `a` twice). */
  private listUnderClass(className: string, group: Element[]): void {
    const groups = this.classNames.get(className);
    if (groups === undefined) this.classNames.set(className, [group]);
    else if (groups[groups.length - 1] !== group) groups.push(group);
  }

  onclosetag(): void {
    this.lastNode = null;
    this.tagStack.pop();
  }

  ontext(data: string): void {
    const { lastNode } = this;
    if (lastNode !== null && lastNode.type === 'text') {
      lastNode.data += data;
    } else {
      const node = new Text(data);
      this.addNode(node);
      this.lastNode = node;
    }
  }

  oncomment(data: string): void {
    const { lastNode } = this;
    if (lastNode !== null && lastNode.type === 'comment') {
      lastNode.data += data;
      return;
    }
    const node = new Comment(data);
    this.addNode(node);
    this.lastNode = node;
  }

  oncommentend(): void {
    this.lastNode = null;
  }

  oncdatastart(): void {
    const text = new Text('');
    const node = new CDATA([text]);
    this.addNode(node);
    text.parent = node;
    this.lastNode = text;
  }

  oncdataend(): void {
    this.lastNode = null;
  }

  onprocessinginstruction(name: string, data: string): void {
    this.addNode(new ProcessingInstruction(name, data));
  }

  /** Append a node to the open element, linking siblings and recording where it starts. */
  private addNode(node: ChildNode): void {
    const parent = this.tagStack[this.tagStack.length - 1]!;
    const siblings = parent.children;
    // Not `siblings[siblings.length - 1]`: reading index -1 of an empty array takes
    // V8's slow path, and most elements are a first child (a tenth of a parse).
    const count = siblings.length;
    node.startIndex = this.parser!.startIndex;
    if (count > 0) {
      const previousSibling = siblings[count - 1]!;
      node.prev = previousSibling;
      previousSibling.next = node;
    }
    siblings.push(node);
    node.parent = parent;
    this.lastNode = null;
  }
}
