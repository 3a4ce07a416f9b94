// Records, and refuses, every attempt of this process to reach the network: name lookups (the
// system resolver and c-ares), TCP/IPC connections and UDP datagrams. A linter run has no reason
// to go out, and CI has no network beyond the npm registry.
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

const RESOLVER_METHODS = [
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCname',
  'resolveMx',
  'resolveNs',
  'resolveSrv',
  'resolveTxt',
  'reverse',
];

function refused(what) {
  return Object.assign(new Error(`network use refused: ${what}`), { code: 'ENETUNREACH' });
}

/** Arms the tripwire for the rest of the process; returns the list it fills. */
export function armNetworkTripwire() {
  const attempts = [];

  net.Socket.prototype.connect = function (...args) {
    const target = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0] };
    const what = `connect ${target.path ?? `${target.host ?? 'localhost'}:${target.port}`}`;
    attempts.push(what);
    process.nextTick(() => this.destroy(refused(what)));
    return this;
  };

  dns.lookup = (hostname, ...rest) => {
    attempts.push(`lookup ${hostname}`);
    const callback = rest.at(-1);
    process.nextTick(() => callback(refused(`lookup ${hostname}`)));
  };
  dns.promises.lookup = (hostname) => {
    attempts.push(`lookup ${hostname}`);
    return Promise.reject(refused(`lookup ${hostname}`));
  };
  for (const method of RESOLVER_METHODS) {
    dns.Resolver.prototype[method] = function (name, ...rest) {
      attempts.push(`${method} ${name}`);
      const callback = rest.at(-1);
      process.nextTick(() => callback(refused(`${method} ${name}`)));
    };
    dns.promises.Resolver.prototype[method] = function (name) {
      attempts.push(`${method} ${name}`);
      return Promise.reject(refused(`${method} ${name}`));
    };
  }

  dgram.Socket.prototype.send = function () {
    attempts.push('udp send');
    throw refused('udp send');
  };
  return attempts;
}
