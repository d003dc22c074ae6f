// Entry point of the `rsc` command-line tool.
process.stdout.write("rsc: not built yet\n");
