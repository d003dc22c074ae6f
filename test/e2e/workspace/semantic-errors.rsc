# Two typos only the language server sees: a misspelt argument of publish (where RouterOS's parse stops) and a misspelt command.
:local topic "router/status"
/iot mqtt publish broker="home" topic=$topic message="up" retian=yes
/iot mqtt publsh broker="home" topic=$topic message="up"
