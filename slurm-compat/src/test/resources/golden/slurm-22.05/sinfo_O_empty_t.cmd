sinfo -t alloc -O 'Partition,StateLong,Nodes:.6'
