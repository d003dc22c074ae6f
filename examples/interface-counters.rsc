# Per-interface traffic counters as JSON, one message per running interface, with :foreach over print as-value.
# Required packages: iot. Run it locally with: rsc run examples/interface-counters.rsc

:local broker "lab"
:local identity [/system identity get name]
:local sent 0

:foreach iface in=[/interface print as-value where running] do={
  :local name ($iface->"name")
  :local counters {
    "name"=$name;
    "type"=($iface->"type");
    "rx_bytes"=($iface->"rx-byte");
    "tx_bytes"=($iface->"tx-byte");
    "rx_packets"=($iface->"rx-packet");
    "tx_packets"=($iface->"tx-packet");
    "errors"=(($iface->"rx-error") + ($iface->"tx-error"));
    "drops"=(($iface->"rx-drop") + ($iface->"tx-drop"))
  }
  /iot mqtt publish broker=$broker topic=("routers/" . $identity . "/interfaces/" . $name) \
    message=[:serialize to=json value=$counters]
  :set sent ($sent + 1)
}

# A summary: how many interfaces exist, run, and were reported
:local summary {
  "interfaces"=[:len [/interface find]];
  "running"=[/interface print count-only where running];
  "reported"=$sent
}
/iot mqtt publish broker=$broker topic=("routers/" . $identity . "/interfaces") \
  message=[:serialize to=json value=$summary] retain=yes
:put "reported $sent interfaces"
