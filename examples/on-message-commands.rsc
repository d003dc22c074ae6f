# Remote commands over MQTT: a subscription whose on-message script handles commands and publishes replies.
# Publish to routers/<identity>/cmd/<command> (identity, uptime, resources, ping, set-identity) and read the reply on
# routers/<identity>/reply/<command>. At the end the script sends itself two commands to show the round trip.
# Required packages: iot (RouterOS 7.12 or later). Run it locally with:
#   rsc run --timeout 5 examples/on-message-commands.rsc

:local broker "lab"
:local identity [/system identity get name]
:local base ("routers/" . $identity)

/iot mqtt subscriptions add broker=$broker topic=($base . "/cmd/+") on-message={
  # Only $msgTopic and $msgData are visible here: everything else is looked up again
  :local broker "lab"
  :local at [:find $msgTopic "/cmd/"]
  :local command [:pick $msgTopic ($at + 5) [:len $msgTopic]]
  :local replyTopic ([:pick $msgTopic 0 $at] . "/reply/" . $command)
  :local reply ""
  :if ($command = "ping") do={ :set reply "pong" }
  :if ($command = "identity") do={ :set reply [/system identity get name] }
  :if ($command = "uptime") do={ :set reply [:tostr [/system resource get uptime]] }
  :if ($command = "resources") do={
    :set reply [:serialize to=json value={
      "cpu"=[/system resource get cpu-load];
      "free_memory"=[/system resource get free-memory];
      "total_memory"=[/system resource get total-memory]
    }]
  }
  :if ($command = "set-identity") do={
    :if ([:len $msgData] = 0) do={ :set reply "error: send the new name as the message" } else={
      /system identity set name=$msgData
      :set reply ("identity is now " . [/system identity get name])
    }
  }
  :if ($reply = "") do={ :set reply ("error: unknown command " . $command) }
  :log info "mqtt command $command from $msgTopic"
  /iot mqtt publish broker=$broker topic=$replyTopic message=$reply qos=1
}
:put "listening on $base/cmd/+"

# Demonstration: ask ourselves two things (a real controller would publish these)
/iot mqtt publish broker=$broker topic=($base . "/cmd/ping") message="" qos=1
/iot mqtt publish broker=$broker topic=($base . "/cmd/resources") message="" qos=1
