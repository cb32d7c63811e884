sinfo -O 'bogus:5|,Partition:8|'
