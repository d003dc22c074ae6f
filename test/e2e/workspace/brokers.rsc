# Brokers the telemetry scripts publish to.
/iot mqtt brokers
add name=home address=192.168.88.10 port=1883 client-id=router1
add name=AWS address=example.iot.eu-west-1.amazonaws.com port=8883 ssl=yes certificate=aws-ca.crt
