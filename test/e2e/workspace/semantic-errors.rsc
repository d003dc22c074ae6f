# Two mistakes only the language server sees: a misspelt command and an argument publish does not take.
:local topic "router/status"
/iot mqtt publsh broker="home" topic=$topic message="up"
/iot mqtt publish broker="home" topic=$topic message="up" colour=red
