sinfo -h -O 'Partition:10,Available:.6,CPUs:4'
