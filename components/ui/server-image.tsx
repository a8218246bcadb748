import type { ImageProps } from 'next/image';
// next/image's own prop builder and loader, imported directly: importing `next/image` itself (even just for
// getImageProps) makes its client component part of the page's JavaScript (~5 KB gzip), which cached public
// pages do not need — their images have no client behaviour. Pinned with next 15.5 (package.json).
import { getImgProps } from 'next/dist/shared/lib/get-img-props';
import defaultLoader from 'next/dist/shared/lib/image-loader';
import type { ImageConfigComplete } from 'next/dist/shared/lib/image-config';

/**
 * An optimised image rendered entirely on the server: the same `<img>` next/image renders (srcset through
 * /_next/image with the configured sizes and formats, lazy loading, async decoding, `fill` positioning), with no
 * client JavaScript. `priority` marks the LCP image: eager, fetchpriority=high and a `<link rel=preload>` with its
 * srcset, as next/image does. For images that need client behaviour (onLoad, placeholders) use next/image.
 *
 * The preload is React's own: when it renders the HTML, React DOM 19 puts a `<link rel=preload>` in the <head> for an
 * eager `<img>` with fetchpriority=high (with its srcset and sizes). Not react-dom's preload() called here: from a
 * server component that becomes a hint in the RSC payload, acted on whenever the browser reads that payload — also
 * when next/link prefetches a product page from a store page, which then downloaded each prefetched page's main
 * photo at high priority, competing with the page's own (e2e/marketplace/browse.spec.ts counts the preloads).
 */
export function ServerImage({ priority = false, ...rest }: Omit<ImageProps, 'onLoad' | 'onError' | 'placeholder' | 'blurDataURL' | 'loader'>) {
  const { props } = getImgProps(
    { ...rest, priority },
    { defaultLoader, imgConf: process.env.__NEXT_IMAGE_OPTS as unknown as ImageConfigComplete },
  );
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- next/image's own props: alt and the optimised srcset
  return <img {...props} fetchPriority={priority ? 'high' : props.fetchPriority} />;
}
