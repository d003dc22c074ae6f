# Home Assistant MQTT discovery: announce the router's CPU load, free memory and uptime as sensors, then publish
# their state. The discovery configs are built as RouterOS arrays and turned into JSON with :serialize.
# Required packages: iot. Run it locally with: rsc run examples/home-assistant-discovery.rsc

################################ Configuration ################################
# Name of an existing /iot mqtt brokers entry
:local broker "home"
# Home Assistant's discovery prefix (Settings > Devices > MQTT > Configure)
:local discoveryPrefix "homeassistant"

#################################### Device ###################################
:local serial [/system routerboard get serial-number]
:local identity [/system identity get name]
:local nodeId ("mikrotik_" . $serial)
:local stateTopic ("mikrotik/" . $serial . "/state")

# The device block every sensor repeats, so that Home Assistant groups them
:local device {
  "identifiers"={$serial};
  "name"=$identity;
  "manufacturer"="MikroTik";
  "model"=[/system routerboard get model];
  "sw_version"=[/system resource get version]
}

#################################### Sensors ##################################
# key = the field of the state message; each entry: name, unit, device class
:local sensors {
  "cpu"={"CPU load";"%";""};
  "free_memory"={"Free memory";"B";"data_size"};
  "uptime"={"Uptime";"s";"duration"}
}

:foreach key,sensor in=$sensors do={
  :local config {
    "name"=($sensor->0);
    "unique_id"=($nodeId . "_" . $key);
    "state_topic"=$stateTopic;
    "value_template"=("{{ value_json." . $key . " }}");
    "unit_of_measurement"=($sensor->1);
    "device"=$device
  }
  :if (($sensor->2) != "") do={ :set ($config->"device_class") ($sensor->2) }
  :local topic ($discoveryPrefix . "/sensor/" . $nodeId . "/" . $key . "/config")
  # no-string-conversion keeps text such as serial numbers as JSON strings
  /iot mqtt publish broker=$broker topic=$topic retain=yes qos=1 \
    message=[:serialize to=json value=$config options=json.no-string-conversion]
  :put "announced $key"
}

##################################### State ###################################
:local state {
  "cpu"=[/system resource get cpu-load];
  "free_memory"=[/system resource get free-memory];
  "uptime"=[:tonum [/system resource get uptime]]
}
/iot mqtt publish broker=$broker topic=$stateTopic message=[:serialize to=json value=$state]
:put "state sent to $stateTopic"
