sinfo -O 'Partition:-5|,Nodes:x|'
