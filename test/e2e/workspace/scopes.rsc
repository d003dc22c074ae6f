# One :local name in two scopes, a function and two blocks: rename, references, tokens, symbols and folding.
:local counter 0
:local report do={
    :put "sending $1"
}
:for i from=1 to=3 do={
    :set counter ($counter + $i)
}
$report "total: $counter"
:do {
    :local counter "inner"
    :put $counter
}
/iot mqtt publish broker="home" topic="router/counter" message="$counter" qos=1 retain=yes
