sinfo -O 'Partition,Available,Time,StateCompact'
