printf '  \n\t\n\n' > ws.sh; sbatch ws.sh
