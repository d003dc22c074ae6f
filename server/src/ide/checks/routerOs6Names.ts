// Names RouterOS 6 had and RouterOS 7 dropped, with what RouterOS 7 writes instead, so that the error says why.
// Source: MikroTik manual, "Moving from ROSv6 to v7 with examples"
// (https://help.mikrotik.com/docs/spaces/ROS/pages/30474317/Moving+from+ROSv6+to+v7+with+examples) and
// "NTP" (the v7 client takes servers=).

/** Arguments by menu path (`ip/route`): the RouterOS 7 way. */
const ARGUMENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "ip/route": {
    "routing-mark": "routing-table=",
    type: "the blackhole switch for type=blackhole (unreachable and prohibit are gone)",
  },
  "system/ntp/client": {
    "primary-ntp": "servers=",
    "secondary-ntp": "servers=",
    "server-dns-names": "servers=",
  },
};

/** Menus by full path (`ip/route/rule`): the RouterOS 7 menu. */
const MENUS: Readonly<Record<string, string>> = {
  "ip/route/rule": "/routing rule",
  "ip/route/vrf": "/ip vrf",
  "routing/ospf/network": "/routing ospf interface-template (networks=)",
  "routing/bgp/peer": "/routing bgp connection",
  "routing/bgp/network": "/ip firewall address-list with /routing bgp connection output.network=",
};

/** `; a RouterOS 6 argument: RouterOS 7 writes routing-table=`, or undefined. */
export function routerOs6Argument(menuPath: readonly string[], name: string): string | undefined {
  const instead = ARGUMENTS[menuPath.join("/")]?.[name];
  return instead === undefined ? undefined : `; a RouterOS 6 argument: RouterOS 7 writes ${instead}`;
}

/** `; RouterOS 6's /ip route rule is /routing rule in RouterOS 7`, or undefined. */
export function routerOs6Menu(menuPath: readonly string[], word: string): string | undefined {
  const path = [...menuPath, word].join("/");
  const instead = MENUS[path];
  return instead === undefined
    ? undefined
    : `; RouterOS 6's /${path.replaceAll("/", " ")} is ${instead} in RouterOS 7`;
}
