# Publishes to a broker that neither the brokers view nor this script defines (extension-host tests).
:put "publishing"
/iot mqtt publish broker="nowhere" topic="e2e/run/unknown" message="hello from nowhere"
