# Unfinished lines the extension-host tests complete (found by their text): a menu's commands, then a broker name.
/iot mqtt brokers add name=plant address=127.0.0.1
/iot mqtt 
/iot mqtt publish topic="plant/status" message="up" broker=
