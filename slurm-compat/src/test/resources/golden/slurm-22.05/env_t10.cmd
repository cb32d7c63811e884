cat env.sh; sbatch -t 10 -o env_t10.env env.sh
