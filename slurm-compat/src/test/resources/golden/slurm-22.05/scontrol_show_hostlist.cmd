scontrol show hostlist n1,n2,n3,n5
