/**
 * @peculiar/x509 (certificates, CRLs) needs the Reflect metadata polyfill loaded before it; every
 * signing module imports the library through this file.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
