# Publishes a reading with a QoS RouterOS does not have: the run fails on the publish line (extension-host tests).
:local broker "AWS"
:local reading [/system resource get cpu-load]
:put "cpu load $reading"
/iot mqtt publish broker=$broker topic="e2e/run/error" message="$reading" qos=3
:put "not reached"
