/**
 * The one entry to @peculiar/x509. It needs the reflect-metadata polyfill loaded before it
 * (its dependency injection reads decorator metadata at import), and a WebCrypto provider; both
 * are set here once, so every other module imports the library through this file.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// Node's webcrypto is the WebCrypto the library expects; the types differ only in DOM-lib details.
x509.cryptoProvider.set(webcrypto as never);

export { x509 };
