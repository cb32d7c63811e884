cat env.sh; sbatch -n 3 -c 2 -o env_n3_c2.env env.sh
