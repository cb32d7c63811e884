sinfo -o '%P %a %l %D %t %N'
