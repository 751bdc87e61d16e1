import { createElement, type ReactNode } from 'react';
import { CONTENT_LANGUAGE } from '../content-language';
import { Paragraphs } from './Paragraphs';

/** Tags kept from the API's sanitised HTML; anything else is reduced to its text. */
const ALLOWED = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'ul', 'ol', 'li', 'a']);
const SAFE_HREF = /^(https?:|mailto:|\/(?!\/)|#)/i;

function convert(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  const children = Array.from(element.childNodes).map((child, index) => convert(child, index));
  if (tag === 'script' || tag === 'style') return null;
  if (!ALLOWED.has(tag))
    return children.length ? createElement('span', { key }, ...children) : null;
  if (tag === 'br') return <br key={key} />;
  if (tag === 'a') {
    const href = element.getAttribute('href') ?? '';
    if (!SAFE_HREF.test(href.trim())) return createElement('span', { key }, ...children);
    const external = /^https?:/i.test(href);
    return createElement(
      'a',
      { key, href: href.trim(), ...(external ? { rel: 'noopener noreferrer nofollow' } : {}) },
      ...children,
    );
  }
  const normalised = tag === 'b' ? 'strong' : tag === 'i' ? 'em' : tag;
  return createElement(normalised, { key }, ...children);
}

/** Whether a text looks like HTML (otherwise it is plain text with blank-line paragraphs). */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][^>]*>/i.test(text);
}

/** The plain text of an HTML fragment (for excerpts). */
export function htmlToText(html: string): string {
  if (!looksLikeHtml(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, style').forEach((element) => element.remove());
  doc.querySelectorAll('p, li, br').forEach((element) => element.append(' '));
  return doc.body.textContent ?? '';
}

/**
 * Renders the API's sanitised rich text as React elements: a whitelist of tags, no
 * attributes but safe `href`s — never `dangerouslySetInnerHTML`. Plain text (no tags)
 * is rendered as paragraphs. The text is content, in the content language (`lang`, see
 * `content-language.ts`).
 */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  if (!looksLikeHtml(html)) return <Paragraphs text={html} className={className} />;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (
    <div className={className} lang={CONTENT_LANGUAGE}>
      {Array.from(doc.body.childNodes).map((node, index) => convert(node, index))}
    </div>
  );
}
