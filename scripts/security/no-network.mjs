// Cuts a Node process off the network: every socket, DNS lookup and HTTP(S) request throws
// and is counted. Used around tools that would otherwise phone home (electronegativity
// fetches translations and Electron's release list).
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

export const networkAttempts = [];

function refuse(what) {
  return function refused() {
    networkAttempts.push(what);
    throw new Error(`network access refused (${what})`);
  };
}

export function blockNetwork() {
  net.Socket.prototype.connect = refuse('net.Socket.connect');
  net.connect = refuse('net.connect');
  net.createConnection = refuse('net.createConnection');
  tls.connect = refuse('tls.connect');
  dns.lookup = refuse('dns.lookup');
  dns.resolve = refuse('dns.resolve');
  dns.promises.lookup = refuse('dns.promises.lookup');
  for (const mod of [http, https]) {
    mod.request = refuse(`${mod === http ? 'http' : 'https'}.request`);
    mod.get = refuse(`${mod === http ? 'http' : 'https'}.get`);
  }
  if (typeof globalThis.fetch === 'function') globalThis.fetch = refuse('fetch');
}
