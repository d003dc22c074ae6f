# Answers commands over MQTT: publish to e2e/run/cmd/<name> and read "pong <message>" on e2e/run/reply (extension-host tests).
:local broker "AWS"
/iot mqtt subscriptions add broker=$broker topic="e2e/run/cmd/+" on-message={
  :local reply ("pong " . $msgData)
  /iot mqtt publish broker="AWS" topic="e2e/run/reply" message=$reply qos=1
  :put "handled $msgTopic"
}
:put "listening"
