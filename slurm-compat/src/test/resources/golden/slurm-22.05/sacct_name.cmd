sacct -X --name=sleeper
