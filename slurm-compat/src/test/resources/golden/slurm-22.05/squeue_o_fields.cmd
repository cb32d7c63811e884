squeue -o '%i %P %j %u %t %T %M %l %D %R %N'
