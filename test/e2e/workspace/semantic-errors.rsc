# Two typos only the language server sees: a misspelt command and a misspelt argument of publish.
:local topic "router/status"
/iot mqtt publsh broker="home" topic=$topic message="up"
/iot mqtt publish broker="home" topic=$topic message="up" retian=yes
