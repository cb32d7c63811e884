scontrol show hostlistsorted n3,n1,n2,n10
