# A telemetry loop with a syntax error: the block of :foreach is never closed.
:local broker "home"
:foreach i in=[/interface find] do={
    :local name [/interface get $i name]
    /iot mqtt publish broker=$broker topic="router/if/$name" message="up"
